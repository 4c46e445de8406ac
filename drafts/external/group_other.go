//go:build !unix

package external

import "os/exec"

// ownGroup leaves cmd as it is: on Windows a stop ends the program
// itself, and LibreOffice's and Chromium's helpers end with it.
func ownGroup(cmd *exec.Cmd) {}
