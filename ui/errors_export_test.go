package ui

// UserError is what a dialog says about err, for the external tests.
var UserError = userError
