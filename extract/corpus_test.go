package extract

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// corpusPage is one page of the shared extraction corpus.
type corpusPage struct {
	name     string
	source   []byte
	expected string
	url      *url.URL
}

// loadCorpus reads every corpus/extraction/*/ page with its expected text.
func loadCorpus(tb testing.TB) []corpusPage {
	tb.Helper()
	dirs, err := filepath.Glob(filepath.Join(sharedtest.Dir(tb), "corpus", "extraction", "*", "source.html"))
	if err != nil || len(dirs) == 0 {
		tb.Skipf("../shared not found: no corpus/extraction pages (%v)", err)
	}
	var pages []corpusPage
	for _, src := range dirs {
		dir := filepath.Dir(src)
		p := corpusPage{name: filepath.Base(dir)}
		if p.source, err = os.ReadFile(src); err != nil {
			tb.Fatalf("read %s: %v", src, err)
		}
		want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
		if err != nil {
			tb.Fatalf("read expected for %s: %v", p.name, err)
		}
		p.expected = string(want)
		p.url = metaURL(filepath.Join(dir, "meta.json"))
		pages = append(pages, p)
	}
	return pages
}

func metaURL(path string) *url.URL {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var meta struct {
		URL string `json:"url"`
	}
	if json.Unmarshal(b, &meta) != nil {
		return nil
	}
	u, err := url.Parse(meta.URL)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// targetF1 is the F1 the extractor must reach on the shared corpus.
const targetF1 = 0.965

func TestExtractionBenchmark(t *testing.T) {
	pages := loadCorpus(t)
	var ours, raw []shingleScore
	for _, p := range pages {
		a, err := Extract(p.source, p.url)
		if err != nil {
			t.Logf("%-26s extract error: %v", p.name, err)
		}
		s := scoreText(p.expected, strings.Join(a.Paragraphs, "\n\n"))
		r := scoreText(p.expected, readeckText(p.source, p.url))
		ours, raw = append(ours, s), append(raw, r)
		t.Logf("%-26s P=%.3f R=%.3f | readeck P=%.3f R=%.3f", p.name, s.precision(), s.recall(), r.precision(), r.recall())
	}
	rp, rr, rf := aggregate(raw)
	t.Logf("readeck raw: pages=%d precision=%.4f recall=%.4f F1=%.4f", len(raw), rp, rr, rf)
	p, r, f := aggregate(ours)
	t.Logf("extract:     pages=%d precision=%.4f recall=%.4f F1=%.4f", len(ours), p, r, f)
	if f < targetF1 {
		t.Errorf("F1 = %.4f, want >= %.3f", f, targetF1)
	}
}

func BenchmarkExtract(b *testing.B) {
	pages := loadCorpus(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.source))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		if _, err := Extract(p.source, p.url); err != nil {
			b.Fatalf("%s: %v", p.name, err)
		}
	}
}
