package ui

// UseFontDirs makes the app look for installed fonts in dirs only, until
// restore is called.
func UseFontDirs(dirs ...string) (restore func()) {
	old := fontDirs
	fontDirs = func() []string { return dirs }
	return func() { fontDirs = old }
}
