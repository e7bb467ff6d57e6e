package attrib

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// bbcArticle reads a BBC corpus file: a headline line, then paragraphs
// separated by blank lines.
func bbcArticle(tb testing.TB, path string) []string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for i, p := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" && i > 0 {
			paras = append(paras, p)
		}
	}
	return paras
}

func bbcFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(tb), "corpus", "bbc", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("../shared not found: no BBC corpus (%v)", err)
	}
	sort.Strings(files)
	return files
}

func TestAttributeBBCCorpus(t *testing.T) {
	files := bbcFiles(t)
	var paras, withSpeaker, speakers int
	for _, f := range files {
		ps := bbcArticle(t, f)
		got := Attribute("", ps)
		if len(got) != len(ps) {
			t.Fatalf("%s: got %d results, want %d", f, len(got), len(ps))
		}
		for i, ss := range got {
			paras++
			if len(ss) > 0 {
				withSpeaker++
			}
			for _, s := range ss {
				speakers++
				if s.Quote == "" || !strings.Contains(ps[i], s.Quote) {
					t.Errorf("%s paragraph %d: quote %q of %q is not a substring", f, i, s.Quote, s.Name)
				}
				if pronounLike(s.Name) {
					t.Errorf("%s paragraph %d: pronoun %q as a name", f, i, s.Name)
				}
			}
		}
	}
	t.Logf("%d articles, %d paragraphs, %.1f%% with a speaker, %d speakers",
		len(files), paras, 100*float64(withSpeaker)/float64(paras), speakers)
}

type whoCase struct {
	ID       string   `json:"id"`
	Article  string   `json:"article"`
	Speakers []string `json:"speakers"`
}

// nameMatches matches names loosely: case-insensitive, containment either
// way, or the same last word.
func nameMatches(gold, got string) bool {
	g, h := strings.ToLower(gold), strings.ToLower(got)
	if strings.Contains(h, g) || strings.Contains(g, h) {
		return true
	}
	gf, hf := strings.Fields(g), strings.Fields(h)
	return len(gf) > 0 && len(hf) > 0 && gf[len(gf)-1] == hf[len(hf)-1]
}

func TestAttributeWhoDevRecall(t *testing.T) {
	shared := sharedtest.Dir(t)
	f, err := os.Open(filepath.Join(shared, "eval", "who-dev.jsonl"))
	if err != nil {
		t.Skipf("../shared not found: %v", err)
	}
	defer f.Close()
	var gold, found int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c whoCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("who-dev: %v", err)
		}
		ps := bbcArticle(t, filepath.Join(shared, "corpus", "bbc", c.Article+".txt"))
		var names []string
		for _, ss := range Attribute("", ps) {
			for _, s := range ss {
				names = append(names, s.Name)
			}
		}
		for _, g := range c.Speakers {
			gold++
			hit := false
			for _, n := range names {
				hit = hit || nameMatches(g, n)
			}
			if hit {
				found++
			} else {
				t.Logf("%s %s: missed %q (found %q)", c.ID, c.Article, g, names)
			}
		}
	}
	if gold == 0 {
		t.Fatal("who-dev: no gold speakers")
	}
	recall := float64(found) / float64(gold)
	t.Logf("who-dev speaker recall: %d/%d = %.3f", found, gold, recall)
	if recall < 0.6 {
		t.Errorf("who-dev speaker recall: got %.3f, want >= 0.6", recall)
	}
}

func BenchmarkAttribute(b *testing.B) {
	files := bbcFiles(b)
	arts := make([][]string, len(files))
	for i, f := range files {
		arts[i] = bbcArticle(b, f)
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		Attribute("", arts[n%len(arts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
