package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"storybot/fetch"
)

// zapFiles counts the index's segment files on disk.
func zapFiles(t *testing.T, e *env) int {
	t.Helper()
	zaps, err := filepath.Glob(filepath.Join(e.dir, "index", "*", "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	return len(zaps)
}

// articleFolder writes n short articles numbered from first into a new folder.
func articleFolder(t *testing.T, first, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := first; i < first+n; i++ {
		body := fmt.Sprintf("Dock strike day %d\n\nThe dock strike went on for %d days, the union said.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBulkRunCompacts: runs that each write a little leave several
// segments; a Bulk run ends by merging them all into one.
func TestBulkRunCompacts(t *testing.T) {
	e := newEnv(t, fetch.Options{}, Options{})
	n := 0
	for run := 0; run < 50 && n < 3; run++ {
		if s := e.run(t, Source{Name: "day", Kind: KindPath, Target: articleFolder(t, run*2, 2)}); s.New != 2 {
			t.Fatalf("run %d: %s %v, want 2 new", run, s, s.Errors)
		}
		n = zapFiles(t, e)
	}
	if n < 3 {
		t.Fatalf("%d segment files after 50 small runs: the test needs several", n)
	}
	s := e.with(Options{Bulk: true}).Run(t.Context(), []Source{{Name: "bulk", Kind: KindPath, Target: articleFolder(t, 1000, 20)}}, nil)
	if s.New != 20 {
		t.Fatalf("bulk run: %s %v, want 20 new", s, s.Errors)
	}
	if got := zapFiles(t, e); got != 1 {
		t.Errorf("%d segment files after a bulk run (%d before), want 1", got, n)
	}
}
