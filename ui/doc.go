// Package ui is the Statute Workbench desktop interface, in Fyne.
//
// For now it opens the database, seeds it with the sample draft on first
// run and shows a summary; the article-by-article reading view with proper
// right-to-left layout comes next.
package ui
