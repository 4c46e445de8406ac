//go:build unix

package external

import (
	"os/exec"
	"syscall"
)

// ownGroup runs cmd in a process group of its own and has a stop kill the
// whole group: LibreOffice's soffice and Chromium start helper processes,
// which would otherwise outlive a run stopped for its time.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
