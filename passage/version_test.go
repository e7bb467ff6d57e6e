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
	"storybot/internal/versiontest"
)

var update = flag.Bool("update", false, "rewrite testdata/version.golden; refused when Split changed but Version did not")

// TestVersion fails when what Split makes of a fixed corpus (the
// attribution test articles always, the BBC corpus when ../shared is there)
// changes while Version stays: the index would keep passages cut the old
// way.
func TestVersion(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.RepoRoot(), "attrib", "testdata", "articles", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no test articles in attrib/testdata/articles")
	}
	got := map[string]string{"testdata": hashSplits(t, files)}
	if bbc := sharedtest.Glob(filepath.Join("corpus", "bbc", "*", "*.txt")); len(bbc) > 0 {
		got["bbc"] = hashSplits(t, bbc)
	}
	versiontest.Check(t, "testdata/version.golden", Version, got, *update)
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
