package drafts_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The domain must stay free of the user interface, and only the store
// package may know the database.
func TestDomainDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Deps " "}}`, "statute/drafts/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, ":")
		for _, dep := range strings.Fields(deps) {
			if strings.HasPrefix(dep, "fyne.io/") {
				t.Errorf("%s depends on %s: the domain must not know Fyne", pkg, dep)
			}
			if strings.HasPrefix(dep, "go.etcd.io/bbolt") && pkg != "statute/drafts/boltstore" {
				t.Errorf("%s depends on bbolt: only drafts/boltstore may", pkg)
			}
		}
	}
}
