package passage

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"storybot/article"
	"storybot/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite testdata/version.golden; refused when Split changed but Version did not")

const versionGolden = "testdata/version.golden"

// TestVersion fails when what Split makes of a fixed corpus (the
// attribution test articles always, the BBC corpus when ../shared is there)
// changes while Version stays: the index would keep passages cut the old
// way. A corpus absent here is not compared.
func TestVersion(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.RepoRoot(), "attrib", "testdata", "articles", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no test articles in attrib/testdata/articles")
	}
	got := map[string]string{"version": Version, "testdata": hashSplits(t, files)}
	if bbc, _ := filepath.Glob(filepath.Join(sharedtest.RepoRoot(), "..", "shared", "corpus", "bbc", "*", "*.txt")); len(bbc) > 0 {
		got["bbc"] = hashSplits(t, bbc)
	}
	want := readGolden(t)
	changed := false
	for k, v := range got {
		if w, ok := want[k]; ok && w != v && k != "version" {
			changed = true
			t.Logf("%s: split hash %s, golden %s", k, v, w)
		}
	}
	switch {
	case !changed && want["version"] == Version && len(want) >= len(got):
		return
	case !*update:
		t.Fatalf("Split's output or Version changed (golden version %q, Version %q): bump Version if the output changed, then run with -update", want["version"], Version)
	case changed && want["version"] == Version:
		t.Fatalf("Split's output changed but Version is still %s: bump it", Version)
	}
	var b strings.Builder
	for _, k := range []string{"version", "testdata", "bbc"} {
		if v, ok := got[k]; ok {
			fmt.Fprintf(&b, "%s %s\n", k, v)
		}
	}
	if err := os.WriteFile(versionGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readGolden(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	b, err := os.ReadFile(versionGolden)
	if err != nil {
		if !*update {
			t.Fatalf("%v (run go test ./passage -run TestVersion -update)", err)
		}
		return out
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if k, v, ok := strings.Cut(l, " "); ok {
			out[k] = v
		}
	}
	return out
}

// hashSplits hashes the passages of each file read as an article: first
// line the headline, blank lines between paragraphs.
func hashSplits(t *testing.T, files []string) string {
	t.Helper()
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		a := article.Article{ID: filepath.Base(f), Title: title, Paragraphs: strings.Split(strings.TrimSpace(body), "\n\n")}
		for _, p := range Split(a, nil) {
			fmt.Fprintf(h, "%s\t%s\n", p.ID, p.Text)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
