package textwidget_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The widgets are built on ui/rtl and Fyne alone: the screens of statute/ui
// use them, not the other way round, and they find no app through
// fyne.CurrentApp (an Editor is given its own).
func TestStandsAlone(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "statute/ui/textwidget").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "statute/ui" {
			t.Errorf("statute/ui/textwidget depends on statute/ui")
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "CurrentApp()") {
			t.Errorf("%s calls fyne.CurrentApp()", f)
		}
	}
}
