package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"storybot/answer"
	"storybot/article"
	"storybot/bot/message"
	"storybot/chart"
	"storybot/digest"
	"storybot/index"
	"storybot/quotes"
	"storybot/store"
)

// zwsp is the zero-width space escaping puts into mentions and links.
const zwsp = "\u200b"

// fakeAsker answers from a table keyed by question.
type fakeAsker struct {
	mu      sync.Mutex
	answers map[string]answer.Answer
	asked   []answer.Request
	guilds  []string // the guild of each request in asked
}

func (f *fakeAsker) Ask(ctx context.Context, guildID string, r answer.Request) (answer.Answer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, r)
	f.guilds = append(f.guilds, guildID)
	if r.Question == "panic" {
		var m map[string]int
		m["boom"]++ // a bug in answering: assignment to a nil map
	}
	a, ok := f.answers[r.Question]
	if !ok {
		return answer.Answer{Question: r.Question, Hint: "Try naming a person or a place."}, nil
	}
	a.Question = r.Question
	return a, nil
}

func (f *fakeAsker) set(q string, a answer.Answer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.answers[q] = a
}

// fakeSources keeps sources in memory, each with the guild that added it
// ("" for the operator's); Add refuses non-http URLs.
type fakeSources struct {
	mu      sync.Mutex
	sources []SourceInfo
	guilds  []string // the guild of each of sources
}

func (f *fakeSources) List(ctx context.Context, guildID string) ([]SourceInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []SourceInfo
	for i, s := range f.sources {
		if f.guilds[i] == "" || f.guilds[i] == guildID {
			out = append(out, s)
		}
	}
	return out, nil
}

func (f *fakeSources) Add(ctx context.Context, guildID, name, u, outlet, by string) error {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return errors.New("sources: only http and https URLs can be added")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sources = append(f.sources, SourceInfo{Name: name, URL: u, Kind: "rss", Outlet: outlet, AddedBy: by})
	f.guilds = append(f.guilds, guildID)
	return nil
}

func (f *fakeSources) Remove(ctx context.Context, guildID, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, s := range f.sources {
		if s.Name == name && f.guilds[i] == guildID {
			f.sources = append(f.sources[:i], f.sources[i+1:]...)
			f.guilds = append(f.guilds[:i], f.guilds[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("sources: %s: %w", name, store.ErrNotFound)
}

// fakeReindexer reports 40 of 100, waits for release, then finishes.
type fakeReindexer struct {
	calls   atomic.Int32
	release chan struct{}
}

func (f *fakeReindexer) Reindex(ctx context.Context, progress func(done, total int)) (int, error) {
	f.calls.Add(1)
	progress(40, 100)
	select {
	case <-f.release:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	progress(100, 100)
	return 100, nil
}

// fakeDigests builds a digest from the stored story and posts it through
// the digest poster, as the digest runner does.
type fakeDigests struct {
	stories StoryStore
	poster  atomic.Pointer[message.Poster]
	mu      sync.Mutex
	entries []digest.Entry
}

func (f *fakeDigests) setEntries(e []digest.Entry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries = e
}

func (f *fakeDigests) PostNow(ctx context.Context, guildID, name string) (int, error) {
	st, err := f.stories.Story(ctx, guildID, name)
	if err != nil {
		return 0, err
	}
	f.mu.Lock()
	entries := f.entries
	f.mu.Unlock()
	d := digest.Digest{GuildID: guildID, ChannelID: st.ChannelID, Story: st.Name, Query: st.Query,
		WindowStart: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), WindowEnd: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC), Entries: entries}
	if _, err := f.poster.Load().PostDigest(ctx, d, "digest-"+st.Name); err != nil {
		return 0, err
	}
	return len(d.Entries), nil
}

type fakeStatus struct{}

func (fakeStatus) Status(ctx context.Context, guildID string) (Status, error) {
	return Status{Articles: 2225, Passages: 9001,
		Sources:  []SourceStatus{{Name: "bbc", LastSuccess: time.Now().Add(-time.Hour)}, {Name: "broken", LastError: "feed: parse: <@everyone>", Failures: 3}},
		NextRuns: []NextRun{{Job: "ingest", At: time.Now().Add(time.Minute)}}}, nil
}

type fakeTimeline struct{}

func (fakeTimeline) Timeline(ctx context.Context, guildID, query string, limit int) ([]TimelineEntry, error) {
	return []TimelineEntry{
		{Title: "Leak inquiry opens", URL: "https://news.example/inquiry", Source: "bbc", Published: time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)},
		{Title: "Police angry at leak", URL: "https://news.example/leak", Source: "guardian", Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)},
	}, nil
}

// fakeCharts draws fakeTimeline's articles with the real chart package.
type fakeCharts struct{}

func (fakeCharts) CoveragePNG(ctx context.Context, guildID, title, query string) ([]byte, error) {
	entries, _ := fakeTimeline{}.Timeline(ctx, "", query, 0)
	var arts []chart.Article
	for _, e := range entries {
		arts = append(arts, chart.Article{Title: e.Title, Outlet: e.Source, Published: e.Published})
	}
	var buf bytes.Buffer
	err := chart.PNG(&buf, title, chart.Count(arts))
	return buf.Bytes(), err
}

// fakeSuggester suggests two stories, one with a query too long for a
// button's custom ID.
type fakeSuggester struct{}

func (fakeSuggester) Suggest(ctx context.Context, guildID string) ([]Suggestion, error) {
	return []Suggestion{
		{Name: "yukos gazprom", Query: "yukos gazprom yugansk", Articles: 20, Outlets: 1, Found: 18,
			Headlines: []string{"Yukos unit fetches $9bn at auction", "Putin backs state grab for **Yukos**"}},
		{Name: "kenteris thanou", Query: "kenteris thanou " + strings.Repeat("sprinters ", 20), Articles: 14, Outlets: 3, Found: 12,
			Headlines: []string{"Greek sprinters suspended by IAAF"}},
	}, nil
}

// indexQuotes is the real quotes.Finder over a real index holding 12
// articles quoting Amber Rudd (one as "Ms Rudd"), one quoting Kevin Rudd
// and one with a hostile quote.
type indexQuotes struct{ f *quotes.Finder }

func (q indexQuotes) Quotes(ctx context.Context, guildID string, r quotes.Request) (quotes.Result, error) {
	return q.f.Find(ctx, r)
}

func (q indexQuotes) KnownSpeakers(ctx context.Context, guildID, typed string, limit int) ([]quotes.Known, error) {
	return q.f.Known(ctx, typed, limit)
}

func newIndexQuotes(t *testing.T) indexQuotes {
	t.Helper()
	ix, _, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	arts := map[string][]article.Passage{}
	add := func(id string, day int, sp article.Speaker, text string) {
		arts[id] = []article.Passage{{ID: id + "/0", ArticleID: id, Text: text, Title: "Report " + id, Source: "wire", Outlet: "Wire",
			URL: "https://news.example/" + id, Published: time.Date(2017, 5, day, 9, 0, 0, 0, time.UTC), Speakers: []article.Speaker{sp}}}
	}
	for d := 1; d <= 12; d++ {
		quote := fmt.Sprintf("day %d was %s", d, strings.Repeat("busy and long ", 25))
		add(fmt.Sprintf("r%02d", d), d, article.Speaker{Name: "Amber Rudd", Role: "Home Secretary", Quote: quote},
			"Home Secretary Amber Rudd said "+quote+".")
	}
	add("ms", 13, article.Speaker{Name: "Ms Rudd", Quote: "it must not happen again"}, "Ms Rudd said it must not happen again.")
	add("kevin", 14, article.Speaker{Name: "Kevin Rudd", Quote: "Australia agrees"}, "Kevin Rudd said Australia agrees.")
	add("evil", 15, article.Speaker{Name: "Evil Rudd", Quote: "@everyone [click](https://evil.example)"}, "Evil Rudd said @everyone [click](https://evil.example).")
	if err := ix.ReplaceMany(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return indexQuotes{quotes.New(ix)}
}

// deps returns fakes around a real store in a temporary directory.
type testDeps struct {
	Deps
	asker     *fakeAsker
	sources   *fakeSources
	reindexer *fakeReindexer
	digests   *fakeDigests
	store     *store.Store
}

func newTestDeps(t *testing.T) *testDeps {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "storybot.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	d := &testDeps{
		asker: &fakeAsker{answers: map[string]answer.Answer{}},
		sources: &fakeSources{sources: []SourceInfo{{Name: "bbc", URL: "https://feeds.bbci.co.uk/news/rss.xml", Kind: "rss"}, {Name: "guardian", URL: "https://www.theguardian.com/uk/rss", Kind: "rss"}},
			guilds: []string{"", ""}},
		reindexer: &fakeReindexer{release: make(chan struct{})},
		store:     st,
	}
	d.digests = &fakeDigests{stories: st}
	d.Deps = Deps{Asker: d.asker, Stories: st, Sources: d.sources, Reindexer: d.reindexer,
		Digests: d.digests, Status: fakeStatus{}, Timeline: fakeTimeline{}, Charts: fakeCharts{}, Suggester: fakeSuggester{}, Quotes: newIndexQuotes(t)}
	return d
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
