package rtl_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The layout engine must stay testable without a display: no Fyne.
func TestNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "statute/ui/rtl").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") {
			t.Errorf("statute/ui/rtl depends on %s: widths must come in through Measure", dep)
		}
	}
}
