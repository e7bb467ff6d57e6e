package attrib

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

	"storybot/internal/sharedtest"
	"storybot/internal/versiontest"
)

var update = flag.Bool("update", false, "rewrite testdata goldens; refused when attribution changed but Version did not")

// render writes an article's statements one a line, as the goldens hold them.
func render(paras []string) string {
	var b strings.Builder
	for _, s := range Statements("", paras) {
		fmt.Fprintf(&b, "[%d] %s | %s | %s | %s\n", s.Paragraph, s.Speaker, s.Role, s.Kind, s.Quote)
	}
	return b.String()
}

// corpora renders the fixed texts attribution is versioned over: the
// testdata articles always, the seed and the BBC corpus when ../shared is
// there. It returns each corpus's hash and the testdata renderings.
func corpora(t *testing.T) (map[string]string, map[string]string) {
	t.Helper()
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	hashes, outs := map[string]string{}, map[string]string{}
	hashes["testdata"] = hashFiles(t, files, func(f, out string) { outs[f] = out })
	if seed := sharedtest.Glob(filepath.Join("seed", "*.txt")); len(seed) > 0 {
		hashes["seed"] = hashFiles(t, seed, nil)
	}
	if bbc := sharedtest.Glob(filepath.Join("corpus", "bbc", "*", "*.txt")); len(bbc) > 0 {
		hashes["bbc"] = hashFiles(t, bbc, nil)
	}
	return hashes, outs
}

func hashFiles(t *testing.T, files []string, each func(file, out string)) string {
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		out := render(bbcArticle(t, f))
		fmt.Fprintf(h, "%s\n%s", filepath.Base(f), out)
		if each != nil {
			each(f, out)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// TestVersion fails when what the attributor finds over the fixed corpus
// changes while Version stays the same, so no index is left holding
// another version's speakers. The testdata goldens show what changed.
func TestVersion(t *testing.T) {
	got, outs := corpora(t)
	versiontest.Check(t, "testdata/version.golden", Version, got, *update)
	if *update {
		writeGoldens(t, outs)
		return
	}
	for f, out := range outs {
		b, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".golden")
		if err != nil {
			t.Errorf("%v (run -update)", err)
			continue
		}
		if string(b) != out {
			t.Errorf("%s: attribution differs from its golden:\ngot:\n%swant:\n%s", f, out, b)
		}
	}
}

// writeGoldens writes each testdata article's attribution beside it.
func writeGoldens(t *testing.T, outs map[string]string) {
	t.Helper()
	for f, out := range outs {
		if err := os.WriteFile(strings.TrimSuffix(f, ".txt")+".golden", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
