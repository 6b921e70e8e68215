// Package roster is the participant registry: the Service that searches,
// creates, edits, merges and imports persons (each method one use case in
// one transaction, checked against the access policy and recorded in the
// audit log), and the pure logic it rests on — name normalisation and
// duplicate matching across Arabic and Latin script, and the import plan
// of a nomination list (read by roster/nomination).
package roster
