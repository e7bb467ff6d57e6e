// Package scale measures storybot at the size of a year of news: it
// generates a large news-like corpus from the real articles in ../shared,
// and measures ingest throughput, re-index time, memory, the data folder's
// size and ask latency over it.
package scale

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.yaml.in/yaml/v3"
)

// Corpus is a generated corpus: article files under Dir/articles.
type Corpus struct {
	Dir       string `json:"-"`
	Version   int    `json:"version"`
	Articles  int    `json:"articles"`
	Real      int    `json:"real"`       // of which copied from real articles
	TextBytes int64  `json:"text_bytes"` // titles and paragraphs
}

// ArticlesDir is the folder of the corpus's article files, what ingest reads.
func (c Corpus) ArticlesDir() string { return filepath.Join(c.Dir, "articles") }

// genVersion changes whenever the generator would write other files, so
// that a corpus generated before is not reused.
const genVersion = 1

// manifestFile records, beside the articles, what was generated.
const manifestFile = "manifest.json"

// Generate writes n articles under dir, or returns the corpus generated
// there before with the same n. The first are the real articles of
// shared, as they are; the rest are made of their sentences (see
// synthetic). Article i is the same for any n greater than i.
func Generate(ctx context.Context, shared, dir string, n int) (Corpus, error) {
	if c, err := OpenCorpus(dir); err == nil && c.Articles == n {
		return c, nil
	}
	m, err := loadMaterial(shared)
	if err != nil {
		return Corpus{}, err
	}
	return m.generate(ctx, dir, n)
}

// generate writes n articles of m under dir.
func (m *material) generate(ctx context.Context, dir string, n int) (Corpus, error) {
	if err := os.RemoveAll(filepath.Join(dir, "articles")); err != nil {
		return Corpus{}, fmt.Errorf("scale: %w", err)
	}
	c := Corpus{Dir: dir, Version: genVersion, Articles: n, Real: min(n, m.real)}
	var text atomic.Int64
	err := each(ctx, n, func(i int) error {
		d := m.article(i)
		text.Add(int64(d.textBytes()))
		return d.write(filepath.Join(c.ArticlesDir(), fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.md", i)))
	})
	if err != nil {
		return Corpus{}, err
	}
	c.TextBytes = text.Load()
	b, _ := json.Marshal(c)
	if err := os.WriteFile(filepath.Join(dir, manifestFile), b, 0o644); err != nil {
		return Corpus{}, fmt.Errorf("scale: %w", err)
	}
	return c, nil
}

// OpenCorpus returns the corpus generated under dir.
func OpenCorpus(dir string) (Corpus, error) {
	var c Corpus
	b, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return Corpus{}, fmt.Errorf("scale: no corpus generated in %s: %w", dir, err)
	}
	if err := json.Unmarshal(b, &c); err != nil || c.Version != genVersion {
		return Corpus{}, fmt.Errorf("scale: %s: not a corpus of this storybot's generator", dir)
	}
	c.Dir = dir
	return c, nil
}

// each calls fn(0) … fn(n-1) on all cores, stopping at the first error.
func each(ctx context.Context, n int, fn func(i int) error) error {
	var next atomic.Int64
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				err := ctx.Err()
				if err == nil {
					err = fn(i)
				}
				if err != nil {
					mu.Lock()
					first = errors.Join(first, err)
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// doc is one generated article.
type doc struct {
	Title      string    `yaml:"title"`
	URL        string    `yaml:"url,omitempty"`
	Published  time.Time `yaml:"published,omitempty"`
	Outlet     string    `yaml:"source,omitempty"`
	paragraphs []string
}

func (d doc) textBytes() int {
	n := len(d.Title)
	for _, p := range d.paragraphs {
		n += len(p) + 2
	}
	return n
}

// write writes d as Markdown with a front matter, as ingest reads it.
func (d doc) write(path string) error {
	fm, err := yaml.Marshal(d)
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	for _, p := range d.paragraphs {
		b.WriteString("\n" + p + "\n")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	return nil
}

// Shape of the synthetic articles: a year of 50 feeds is about 100,000
// articles, 274 a day.
var (
	firstDay    = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	perDay      = 274
	outlets     = []string{"Harbour Gazette", "Northern Wire", "The Daily Ledger", "Capital Courier", "Valley Times", "Coast Chronicle", "Metro Dispatch", "The Evening Post"}
	outletHosts = []string{"harbourgazette.example", "northernwire.example", "dailyledger.example", "capitalcourier.example", "valleytimes.example", "coastchronicle.example", "metrodispatch.example", "eveningpost.example"}
)

// article returns article i: a real one for i below m.real, else a
// synthetic one.
func (m *material) article(i int) doc {
	if i < m.real {
		s := m.seeds[i]
		return doc{Title: s.title, URL: s.url, Published: s.published, paragraphs: s.paragraphs}
	}
	return m.synthetic(i)
}

// synthetic makes article i of one real article's headline and sentences
// (read on from a random place), three in five of its sentences, the rest
// borrowed from articles of its group (the same BBC section, or the same
// set), in paragraphs of one to three sentences. Its vocabulary and the way
// its words go together are real news; its outlet and date are invented,
// at 274 articles a day.
func (m *material) synthetic(i int) doc {
	r := rand.New(rand.NewPCG(20240101, uint64(i)))
	parent := &m.seeds[r.IntN(len(m.seeds))]
	ps := parent.sentences()
	group := m.groups[parent.group]
	o := r.IntN(len(outlets))
	d := doc{
		Title:     parent.title,
		URL:       fmt.Sprintf("https://%s/news/%07d", outletHosts[o], i),
		Outlet:    outlets[o],
		Published: firstDay.Add(time.Duration(i) * 24 * time.Hour / time.Duration(perDay)).Add(time.Duration(r.IntN(3600)) * time.Second),
	}
	at := r.IntN(len(ps))
	for range 8 + r.IntN(7) {
		var sents []string
		for range 1 + r.IntN(3) {
			if r.IntN(5) < 3 {
				sents = append(sents, ps[at%len(ps)])
				at++
				continue
			}
			os := m.seeds[group[r.IntN(len(group))]].sentences()
			sents = append(sents, os[r.IntN(len(os))])
		}
		d.paragraphs = append(d.paragraphs, strings.Join(sents, " "))
	}
	return d
}
