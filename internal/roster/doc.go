// Package roster is the participant registry's logic: name normalisation
// and duplicate matching across Arabic and Latin script, nomination-list
// files (CSV and XLSX) and their column mapping, registration rules.
package roster
