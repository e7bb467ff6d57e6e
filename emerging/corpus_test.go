package emerging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// TestBBCClustersKeepToOneSection clusters the 2,225 BBC articles as one
// window. Each article's section (business, politics, sport, tech,
// entertainment) is a coarse check of coherence the README's hand-checked
// table refines: a cluster that mixes sections is not one story.
func TestBBCClustersKeepToOneSection(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Path(t, "corpus", "bbc"), "*", "*.txt"))
	if err != nil || len(files) < 2000 {
		t.Fatalf("BBC corpus: %d files, %v", len(files), err)
	}
	docs := make([]Doc, len(files))
	section := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(b), "\n")
		docs[i] = Doc{ID: f, Title: strings.TrimSpace(title), Outlet: "bbc", Text: text}
		section[i] = filepath.Base(filepath.Dir(f))
	}
	clusters := Find(docs, Options{})
	if len(clusters) < 25 {
		t.Errorf("%d clusters, want at least 25 (30 when tuned)", len(clusters))
	}
	for _, c := range clusters {
		n := map[string]int{}
		for _, i := range c.Docs {
			n[section[i]]++
		}
		top := 0
		for _, k := range n {
			top = max(top, k)
		}
		if share := float64(top) / float64(len(c.Docs)); share < 0.8 {
			t.Errorf("cluster %v: %.0f%% in one section (%v), want 80%%", c.Terms[:min(3, len(c.Terms))], 100*share, n)
		}
	}
}
