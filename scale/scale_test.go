package scale

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"storybot/internal/sharedtest"
)

// The material of ../shared, read once for every test.
var (
	loadOnce sync.Once
	loaded   *material
	loadErr  error
)

// smallMaterial returns the material with only real real articles copied,
// so that a small corpus has synthetic ones too.
func smallMaterial(t *testing.T, real int) *material {
	t.Helper()
	shared := sharedtest.Dir(t)
	loadOnce.Do(func() { loaded, loadErr = loadMaterial(shared) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	small := *loaded
	small.real = real
	return &small
}

func TestSyntheticIsDeterministicAndNewsLike(t *testing.T) {
	m := smallMaterial(t, 0)
	first := len(m.seeds)
	titles := map[string]bool{}
	for _, s := range m.seeds {
		titles[s.title] = true
	}
	prev := time.Time{}
	for i := first; i < first+200; i++ {
		a, b := m.synthetic(i), m.synthetic(i)
		if a.Title != b.Title || a.URL != b.URL || !a.Published.Equal(b.Published) || len(a.paragraphs) != len(b.paragraphs) || a.paragraphs[0] != b.paragraphs[0] {
			t.Fatalf("article %d differs between two calls", i)
		}
		if !titles[a.Title] {
			t.Errorf("article %d: title %q is no real article's", i, a.Title)
		}
		if n := len(a.paragraphs); n < 8 || n > 14 {
			t.Errorf("article %d: %d paragraphs, want 8 to 14", i, n)
		}
		if a.Published.Before(prev.Add(-2 * time.Hour)) {
			t.Errorf("article %d published %v, well before article %d (%v)", i, a.Published, i-1, prev)
		}
		prev = a.Published
	}
	if a, b := m.synthetic(first), m.synthetic(first+1); a.paragraphs[0] == b.paragraphs[0] && a.Title == b.Title {
		t.Errorf("two articles alike: %q", a.Title)
	}
}

func TestGenerateWritesTheSameFiles(t *testing.T) {
	shared := sharedtest.Dir(t)
	ctx := context.Background()
	n := 12
	m := smallMaterial(t, n/2)
	a, err := m.generate(ctx, t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.generate(ctx, t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	if a.TextBytes != b.TextBytes || a.TextBytes == 0 {
		t.Fatalf("text bytes %d and %d, want equal and more than 0", a.TextBytes, b.TextBytes)
	}
	files, err := filepath.Glob(filepath.Join(a.ArticlesDir(), "*", "*.md"))
	if err != nil || len(files) != n {
		t.Fatalf("got %d files (%v), want %d", len(files), err, n)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(a.Dir, f)
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b.Dir, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (%v)", rel, err)
		}
	}
	again, err := Generate(ctx, shared, a.Dir, n)
	if err != nil || again != a {
		t.Errorf("generating again: got %+v, %v; want the corpus reused, %+v", again, err, a)
	}
}

// TestSmallBenchmark runs every step of the benchmark at a small size:
// the corpus is ingested, every passage is indexed again by a re-index,
// and questions are answered.
func TestSmallBenchmark(t *testing.T) {
	shared := sharedtest.Dir(t)
	ctx := context.Background()
	c, err := smallMaterial(t, 60).generate(ctx, t.TempDir(), 120)
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(c.Dir, "data")
	in, err := Ingest(ctx, data, c)
	if err != nil {
		t.Fatal(err)
	}
	if in.Articles < 100 || in.Passages < 5*in.Articles || in.Failed > 0 {
		t.Errorf("ingest: %+v, want about 120 articles of several passages, none failed", in)
	}
	size, err := SizeOf(data)
	if err != nil || size.Index == 0 || size.Store == 0 {
		t.Errorf("size: %+v, %v", size, err)
	}
	re, err := Reindex(ctx, data)
	if err != nil || re.Passages != in.Passages {
		t.Errorf("reindex: %+v, %v; want the %d passages ingested", re, err, in.Passages)
	}
	qs, err := Questions(shared)
	if err != nil {
		t.Fatal(err)
	}
	asked, err := Ask(ctx, data, qs[:12])
	if err != nil {
		t.Fatal(err)
	}
	if asked.One.Asks != 12 || asked.Four.Asks != 12 || asked.Answered == 0 || asked.One.P50 <= 0 || asked.One.P99 < asked.One.P50 {
		t.Errorf("ask: %+v", asked)
	}
}

// TestQuestionsFromSets: absent sets are left out, a question asked twice
// counts once, and a set that cannot be read is an error, not a silent gap.
func TestQuestionsFromSets(t *testing.T) {
	shared := t.TempDir()
	dir := filepath.Join(shared, "eval")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Questions(shared); err == nil {
		t.Error("no sets: want an error")
	}
	write("who-dev.jsonl", `{"id":"a","question":"who reacted to the strike"}`+"\n"+`{"id":"b","question":"who backed the bid"}`+"\n")
	write("who-web-dev.jsonl", `{"id":"c","question":"who reacted to the strike"}`+"\n")
	qs, err := Questions(shared)
	if err != nil || !slices.Equal(qs, []string{"who reacted to the strike", "who backed the bid"}) {
		t.Errorf("got %q, %v", qs, err)
	}
	write("news-quiz-dev.jsonl", "{not json\n")
	if _, err := Questions(shared); err == nil {
		t.Error("a malformed set: want an error")
	}
}
