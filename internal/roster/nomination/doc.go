// Package nomination reads the nomination lists that partner agencies send
// (the officers they put forward for a training) as Excel workbooks (.xlsx)
// or CSV files, with headers in English or Arabic.
//
// The work is split in three steps so that the web layer can show the user
// what was understood before anything is saved:
//
//   - Read turns the uploaded bytes into a Table of text cells. It trusts
//     nothing: it sniffs the content rather than the file name, caps the
//     size, the unpacked size and the number of rows, and refuses zip bombs
//     before the spreadsheet library sees them.
//   - GuessMapping and GuessMappingWithData propose which registry field each
//     column holds; the user may correct the proposal, and ParseMapping reads
//     it back from the form.
//   - Rows turns the table into typed rows with blocking problems and
//     non-blocking warnings, each an i18n catalogue key with arguments.
//
// Every message a user can see is an i18n key under "import." whose English
// and Arabic texts live in internal/i18n/locales/*/roster_import.json.
package nomination
