package attrib

import (
	"bufio"
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
)

var update = flag.Bool("update", false, "rewrite testdata goldens; refused when attribution changed but Version did not")

const versionGolden = "testdata/version.golden"

// render writes an article's statements one a line, as the goldens hold them.
func render(paras []string) string {
	var b strings.Builder
	for _, s := range Statements(paras) {
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
	if dir, err := filepath.Abs(filepath.Join(sharedtest.RepoRoot(), "..", "shared")); err == nil {
		if seed, _ := filepath.Glob(filepath.Join(dir, "seed", "*.txt")); len(seed) > 0 {
			hashes["seed"] = hashFiles(t, seed, nil)
		}
		if bbc, _ := filepath.Glob(filepath.Join(dir, "corpus", "bbc", "*", "*.txt")); len(bbc) > 0 {
			hashes["bbc"] = hashFiles(t, bbc, nil)
		}
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

// readVersionGolden reads "version V" and one "corpus hash" line each.
func readVersionGolden(t *testing.T) (string, map[string]string) {
	t.Helper()
	f, err := os.Open(versionGolden)
	if err != nil {
		t.Fatalf("%v (run go test ./attrib -run TestVersion -update)", err)
	}
	defer f.Close()
	version, hashes := "", map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		if k == "version" {
			version = v
		} else if k != "" {
			hashes[k] = v
		}
	}
	return version, hashes
}

// TestVersion fails when what the attributor finds over the fixed corpus
// changes while Version stays the same, so no index is left holding
// another version's speakers. The testdata goldens show what changed.
func TestVersion(t *testing.T) {
	got, outs := corpora(t)
	version, want := readVersionGolden(t)
	var changed []string
	for k, h := range got {
		if want[k] != h {
			changed = append(changed, k)
		}
	}
	sort.Strings(changed)
	if *update {
		if len(changed) > 0 && version == Version {
			t.Fatalf("attribution changed over %v but Version is still %q: bump attrib.Version, then -update", changed, Version)
		}
		writeGoldens(t, got, want, outs)
		return
	}
	if version != Version {
		t.Errorf("Version is %q, the golden holds %q: run go test ./attrib -run TestVersion -update", Version, version)
	}
	if len(changed) > 0 && version == Version {
		t.Errorf("attribution changed over %v while Version stayed %q: bump attrib.Version and run -update", changed, Version)
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

// writeGoldens records Version and the hashes, keeping the hash of a
// corpus absent here (../shared missing) as it was.
func writeGoldens(t *testing.T, got, old, outs map[string]string) {
	t.Helper()
	for k, h := range old {
		if _, ok := got[k]; !ok {
			got[k] = h
		}
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "version %s\n", Version)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %s\n", k, got[k])
	}
	if err := os.WriteFile(versionGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for f, out := range outs {
		if err := os.WriteFile(strings.TrimSuffix(f, ".txt")+".golden", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
