package main

import (
	"errors"
	"os"
	"runtime"
)

// errNoDisplay says why the app cannot start on a Unix system without a
// display, instead of GLFW's panic and stack trace.
var errNoDisplay = errors.New("a desktop session is needed: no display was found (DISPLAY and WAYLAND_DISPLAY are unset); " +
	"run statute from the desktop, or under Xvfb (xvfb-run) for tests")

// needDisplay reports, before any window is made, that the app cannot
// open one: on Linux and the BSDs, where Fyne draws through X11 or
// Wayland, when neither DISPLAY nor WAYLAND_DISPLAY is set. On Windows and
// macOS there is always a desktop, and it returns nil.
func needDisplay() error {
	return displayMissing(runtime.GOOS, os.LookupEnv)
}

// displayMissing is needDisplay for the system goos with the environment
// read through lookup, so that tests change nothing global.
func displayMissing(goos string, lookup func(string) (string, bool)) error {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "illumos", "solaris":
	default:
		return nil
	}
	for _, v := range []string{"DISPLAY", "WAYLAND_DISPLAY"} {
		if s, ok := lookup(v); ok && s != "" {
			return nil
		}
	}
	return errNoDisplay
}
