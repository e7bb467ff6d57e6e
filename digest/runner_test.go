package digest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/article"
	"storybot/store"
)

// discord models the channel side of Discord for PostDigest: it records
// messages and, like enforce_nonce, answers a repeated nonce with the
// message already posted instead of posting again.
type discord struct {
	mu       sync.Mutex
	messages []Digest
	byNonce  map[string]string
	failNext error // returned (once) before anything is posted
}

func (d *discord) PostDigest(_ context.Context, dg Digest, nonce string) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.failNext; err != nil {
		d.failNext = nil
		return "", err
	}
	if len(nonce) == 0 || len(nonce) > 25 {
		return "", fmt.Errorf("400: nonce %q not 1-25 characters", nonce)
	}
	if id, ok := d.byNonce[nonce]; ok {
		return id, nil
	}
	d.messages = append(d.messages, dg)
	id := fmt.Sprintf("m%d", len(d.messages))
	if d.byNonce == nil {
		d.byNonce = make(map[string]string)
	}
	d.byNonce[nonce] = id
	return id, nil
}

// forget drops the nonces Discord remembers, as it does after a few
// minutes.
func (d *discord) forget() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.byNonce = nil
}

// finder is a discord that can also search the channel for a nonce, as
// the bot does over its recent messages' footers.
type finder struct {
	*discord
	footers map[string]string // nonce → message ID, never forgotten
}

func (f *finder) PostDigest(ctx context.Context, dg Digest, nonce string) (string, error) {
	id, err := f.discord.PostDigest(ctx, dg, nonce)
	if err == nil {
		f.footers[nonce] = id
	}
	return id, err
}

func (f *finder) FindDigest(_ context.Context, _ Digest, nonce string) (string, bool, error) {
	id, ok := f.footers[nonce]
	return id, ok, nil
}

func (d *discord) posts() []Digest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Digest(nil), d.messages...)
}

// wordMatcher matches articles whose text contains the query, case
// folded, with the first such paragraph as passage: the index's job, done
// simply enough to be obviously right.
type wordMatcher struct{ st *store.Store }

func (m wordMatcher) Match(ctx context.Context, query string, ids []string) ([]Match, error) {
	var out []Match
	for _, id := range ids {
		a, err := m.st.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, p := range a.Paragraphs {
			if strings.Contains(strings.ToLower(p), strings.ToLower(query)) {
				out = append(out, Match{ArticleID: id, Passage: p, Score: 1})
				break
			}
		}
	}
	return out, nil
}

// diesOnCommit is the store as seen by a process that dies after Discord
// confirmed the post and before the cursor was saved.
type diesOnCommit struct{ *store.Store }

var errDied = errors.New("process killed")

func (diesOnCommit) CommitDigest(context.Context, string, string, time.Time, string) error {
	return errDied
}

// fixture is a real store in a temporary directory, a story tracked in it,
// a fake Discord and a clock the test sets.
type fixture struct {
	t       *testing.T
	path    string
	st      *store.Store
	discord *discord
	now     time.Time
	n       int
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, path: filepath.Join(t.TempDir(), "storybot.db"), discord: &discord{}}
	f.open()
	f.track("g1", "Leak", "leak")
	return f
}

func (f *fixture) open() {
	st, err := store.Open(f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	f.st = st
	f.t.Cleanup(func() { st.Close() })
}

// restart closes the store and opens it again, as a new process would.
func (f *fixture) restart() {
	if err := f.st.Close(); err != nil {
		f.t.Fatal(err)
	}
	f.open()
}

func (f *fixture) track(guild, name, query string) {
	f.t.Helper()
	err := f.st.PutStory(context.Background(), store.Story{
		GuildID: guild, Name: name, Query: query, ChannelID: "c-" + guild, Created: time.Now(),
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// add stores an article, then moves the clock past it: the store stamps
// articles with the real time, so the test clock follows the real one but
// only moves when the test says so.
func (f *fixture) add(source, body string) {
	f.t.Helper()
	f.n++
	_, _, err := f.st.PutArticle(context.Background(), article.Article{
		URL:        fmt.Sprintf("https://%s.example/%d", source, f.n),
		Source:     source,
		Title:      fmt.Sprintf("Report %d", f.n),
		Paragraphs: strings.Split(body, "\n\n"),
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) tick() { f.now = time.Now() }

func (f *fixture) runner(stories Stories) *Runner {
	if stories == nil {
		stories = f.st
	}
	return &Runner{
		Stories: stories, Articles: f.st, Matcher: wordMatcher{f.st}, Poster: f.discord,
		Clock: func() time.Time { return f.now },
	}
}

func (f *fixture) story(guild, name string) store.Story {
	f.t.Helper()
	s, err := f.st.Story(context.Background(), guild, name)
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

// distinct returns a body about the leak unlike any other in the test.
func distinct(i int) string {
	var w []string
	for k := range 40 {
		w = append(w, fmt.Sprintf("word%d_%d", i, k))
	}
	return fmt.Sprintf("A new leak report, number %d. %s.", i, strings.Join(w, " "))
}

func TestExactlyOnceAcrossCrashBetweenPostAndSave(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.add("wire", distinct(1))
	f.tick()
	windowEnd := f.now

	posted, err := f.runner(diesOnCommit{f.st}).Run(ctx, "", "")
	if !errors.Is(err, errDied) || posted.Digests != 1 {
		t.Fatalf("first run: got %+v posted, error %v; want 1 posted and the crash", posted, err)
	}
	if s := f.story("g1", "leak"); !s.DigestedUntil.IsZero() || !s.PendingWindowEnd.Equal(windowEnd) {
		t.Fatalf("after crash: got cursor %v pending %v, want no cursor and pending %v", s.DigestedUntil, s.PendingWindowEnd, windowEnd)
	}

	f.restart()
	f.add("wire", distinct(2)) // arrives while down: not part of the retried window
	f.tick()
	posted, err = f.runner(nil).Run(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.discord.posts()); got != 1 {
		t.Fatalf("got %d messages in the channel after the retry, want 1", got)
	}
	s := f.story("g1", "leak")
	if !s.DigestedUntil.Equal(windowEnd) || s.PendingNonce != "" || s.LastMessageID != "m1" {
		t.Errorf("after retry: got cursor %v pending %q message %q, want cursor %v, no pending, message m1",
			s.DigestedUntil, s.PendingNonce, s.LastMessageID, windowEnd)
	}
	if posted.Digests != 1 {
		t.Errorf("retry: got %+v posted, want 1 (the confirmed message)", posted)
	}

	// The next run covers what arrived after the retried window, once.
	if _, err := f.runner(nil).Run(ctx, "", ""); err != nil {
		t.Fatal(err)
	}
	posts := f.discord.posts()
	if len(posts) != 2 || !strings.Contains(posts[1].Entries[0].Summary, "number 2") || len(posts[1].Entries) != 1 {
		t.Errorf("got %d messages, last %+v; want a second with only report 2", len(posts), posts[len(posts)-1].Entries)
	}
}

func TestLongOutageRetryFindsEarlierPost(t *testing.T) {
	ctx := context.Background()
	for _, withFinder := range []bool{false, true} {
		t.Run(fmt.Sprint("finder=", withFinder), func(t *testing.T) {
			f := newFixture(t)
			f.add("wire", distinct(1))
			f.tick()
			var poster Poster = f.discord
			if withFinder {
				poster = &finder{discord: f.discord, footers: map[string]string{}}
			}
			r := f.runner(diesOnCommit{f.st})
			r.Poster = poster
			r.Run(ctx, "", "")
			f.discord.forget() // down for longer than Discord keeps nonces
			f.restart()
			r = f.runner(nil)
			r.Poster = poster
			if _, err := r.Run(ctx, "", ""); err != nil {
				t.Fatal(err)
			}
			want := 2 // without a Finder the nonce alone cannot help
			if withFinder {
				want = 1
			}
			if got := len(f.discord.posts()); got != want {
				t.Errorf("got %d messages, want %d", got, want)
			}
			if s := f.story("g1", "leak"); s.PendingNonce != "" || s.DigestedUntil.IsZero() {
				t.Errorf("got pending %q cursor %v, want committed", s.PendingNonce, s.DigestedUntil)
			}
		})
	}
}

func TestCatchUpPostsOnce(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	r := f.runner(nil)
	f.tick()
	if _, err := r.Run(ctx, "", ""); err != nil { // nothing yet: cursor set
		t.Fatal(err)
	}
	start := f.story("g1", "leak").DigestedUntil

	// Three daily slots pass with the bot down; an article lands in each.
	for i := range 3 {
		f.add(fmt.Sprintf("outlet%d", i), distinct(10+i))
	}
	f.tick()
	for range 3 { // the scheduler may fire several times on waking
		if _, err := r.Run(ctx, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	posts := f.discord.posts()
	if len(posts) != 1 {
		t.Fatalf("got %d posts after downtime, want 1", len(posts))
	}
	if got := len(posts[0].Entries); got != 3 {
		t.Errorf("got %d entries in the catch-up, want all 3", got)
	}
	if !posts[0].WindowStart.Equal(start) || !posts[0].WindowEnd.Equal(f.now) {
		t.Errorf("got window %v–%v, want %v–%v", posts[0].WindowStart, posts[0].WindowEnd, start, f.now)
	}
}

func TestPostErrorLeavesCursor(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.add("wire", distinct(1))
	f.tick()
	f.discord.failNext = errors.New("503 service unavailable")
	posted, err := f.runner(nil).Run(ctx, "g1", "Leak")
	if err == nil || posted.Digests != 0 {
		t.Fatalf("got %+v posted, error %v; want 0 and the error", posted, err)
	}
	if s := f.story("g1", "leak"); !s.DigestedUntil.IsZero() {
		t.Fatalf("got cursor %v after a failed post, want it unmoved", s.DigestedUntil)
	}
	f.tick()
	if posted, err := f.runner(nil).Run(ctx, "g1", "Leak"); err != nil || posted.Digests != 1 || posted.Entries == 0 {
		t.Fatalf("later run: got %+v posted, error %v; want 1 digest with entries", posted, err)
	}
	if posted, err := f.runner(nil).Run(ctx, "g1", "Leak"); err != nil || posted.Digests != 0 {
		t.Fatalf("run after that: got %+v posted, error %v; want 0", posted, err)
	}
	if got := len(f.discord.posts()); got != 1 {
		t.Errorf("got %d messages, want 1", got)
	}
}

func TestEmptyDigestAdvancesCursor(t *testing.T) {
	ctx := context.Background()
	for _, postEmpty := range []bool{false, true} {
		t.Run(fmt.Sprint("PostEmpty=", postEmpty), func(t *testing.T) {
			f := newFixture(t)
			f.add("wire", "Nothing about the story here, only the weather and the football scores.")
			f.tick()
			r := f.runner(nil)
			r.PostEmpty = postEmpty
			posted, err := r.Run(ctx, "", "")
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			if postEmpty {
				want = 1
			}
			if posted.Digests != want || posted.Entries != 0 || len(f.discord.posts()) != want {
				t.Errorf("got %+v posted, %d messages; want %d digests of no entries", posted, len(f.discord.posts()), want)
			}
			if s := f.story("g1", "leak"); !s.DigestedUntil.Equal(f.now) {
				t.Errorf("got cursor %v, want %v", s.DigestedUntil, f.now)
			}
		})
	}
}

func TestRunMergesOutletsAndSelectsStories(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.track("g2", "Weather", "storm")
	f.add("wire", wire+"\n\nThe leak was the council's second this year.")
	f.add("herald", rewritten+"\n\nIt is the second leak this year.")
	f.add("gazette", "A storm is coming to the coast, forecasters said on Monday.")
	f.tick()

	if _, err := f.runner(nil).Run(ctx, "", "no such story"); !errors.Is(err, ErrNoStory) {
		t.Errorf("got %v, want ErrNoStory", err)
	}
	posted, err := f.runner(nil).Run(ctx, "g1", "")
	if err != nil || posted != (Posted{Digests: 1, Entries: 1}) {
		t.Fatalf("got %+v posted, error %v; want 1 digest of 1 entry for guild g1 only", posted, err)
	}
	d := f.discord.posts()[0]
	if d.GuildID != "g1" || d.ChannelID != "c-g1" || len(d.Entries) != 1 {
		t.Fatalf("got guild %s channel %s %d entries, want g1 c-g1 and one merged entry", d.GuildID, d.ChannelID, len(d.Entries))
	}
	if got := fmt.Sprint(d.Entries[0].Outlets); !strings.Contains(got, "wire") || !strings.Contains(got, "herald") {
		t.Errorf("got outlets %s, want wire and herald", got)
	}
	if s := f.story("g2", "weather"); !s.DigestedUntil.IsZero() {
		t.Errorf("got g2's cursor moved to %v by a g1 run, want untouched", s.DigestedUntil)
	}
}

func TestDryRunChangesNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.add("wire", distinct(1))
	f.tick()
	ds, err := f.runner(nil).DryRun(ctx, "", "leak")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || len(ds[0].Entries) != 1 {
		t.Fatalf("got %+v, want one digest with one entry", ds)
	}
	s := f.story("g1", "leak")
	if len(f.discord.posts()) != 0 || !s.DigestedUntil.IsZero() || s.PendingNonce != "" {
		t.Errorf("got %d posts, cursor %v, pending %q; want nothing changed", len(f.discord.posts()), s.DigestedUntil, s.PendingNonce)
	}
}

func TestNonce(t *testing.T) {
	end := time.Date(2025, 3, 4, 8, 0, 0, 0, time.UTC)
	n := Nonce("g1", "Leak", end)
	if len(n) > 25 {
		t.Errorf("got %d characters, want at most 25", len(n))
	}
	same := []string{Nonce("g1", "leak", end), Nonce("g1", "Leak", end.In(time.FixedZone("x", 3600)))}
	for _, s := range same {
		if s != n {
			t.Errorf("got %q, want %q for the same guild, story and instant", s, n)
		}
	}
	differ := []string{Nonce("g2", "Leak", end), Nonce("g1", "Leaks", end), Nonce("g1", "Leak", end.Add(time.Nanosecond))}
	for _, d := range differ {
		if d == n {
			t.Errorf("got %q for a different window, want it to differ", d)
		}
	}
}

// TestFirstDigestLooksBack: a new story's first digest includes what was
// stored in the lookback before it was tracked, and only the first.
func TestFirstDigestLooksBack(t *testing.T) {
	for _, lookback := range []bool{false, true} {
		t.Run(fmt.Sprint("lookback ", lookback), func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			f.add("old", distinct(1)) // stored before the lookback
			time.Sleep(20 * time.Millisecond)
			mid := time.Now()
			time.Sleep(20 * time.Millisecond)
			f.add("recent", distinct(2)) // stored within it
			f.track("g1", "Fresh", "leak")
			r := f.runner(nil)
			if lookback {
				r.FirstLookback = f.story("g1", "Fresh").Created.Sub(mid)
			}
			f.tick()
			n, err := r.Run(ctx, "g1", "Fresh")
			if err != nil {
				t.Fatal(err)
			}
			posts := f.discord.posts()
			if !lookback {
				if n.Digests != 0 || len(posts) != 0 {
					t.Fatalf("without a lookback: %d posted, want none (both articles were stored before the story)", len(posts))
				}
				return
			}
			if n.Digests != 1 || len(posts) != 1 || len(posts[0].Entries) != 1 || posts[0].Entries[0].Outlets[0].Source != "recent.example" {
				t.Fatalf("first digest %+v, want one post with the recent article only", posts)
			}
			f.add("later", distinct(3))
			f.tick()
			if _, err := r.Run(ctx, "g1", "Fresh"); err != nil {
				t.Fatal(err)
			}
			posts = f.discord.posts()
			if len(posts) != 2 || len(posts[1].Entries) != 1 || posts[1].Entries[0].Title != "Report 3" {
				t.Errorf("second digest %+v, want only the later article: the lookback's articles posted once", posts[1:])
			}
		})
	}
}

// hide is a Visibility hiding sources from one guild.
type hide struct {
	guild   string
	sources map[string]bool
}

func (h hide) HiddenSources(_ context.Context, guildID string) (map[string]bool, error) {
	if guildID == h.guild {
		return h.sources, nil
	}
	return nil, nil
}

// TestDigestLeavesOutHiddenSources: another guild's source never reaches a
// guild's digest, though its article matches the story.
func TestDigestLeavesOutHiddenSources(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.add("wire", wire+"\n\nThe leak was the council's second this year.")
	f.add("other-guild-feed", "Council leak: the police chief said the leak was a disgrace and the council must answer for it.")
	f.tick()
	r := f.runner(nil)
	r.Visible = hide{guild: "g1", sources: map[string]bool{"other-guild-feed": true}}
	if _, err := r.Run(ctx, "g1", "Leak"); err != nil {
		t.Fatal(err)
	}
	posts := f.discord.posts()
	if len(posts) != 1 {
		t.Fatalf("got %d posts, want 1", len(posts))
	}
	for _, e := range posts[0].Entries {
		for _, o := range e.Outlets {
			if o.Source == "other-guild-feed" {
				t.Errorf("got an entry from a hidden source: %+v", e)
			}
		}
	}
	if len(posts[0].Entries) == 0 {
		t.Error("got no entries, want the wire's")
	}
}

// panicMatcher panics on one query, as a bug on odd text would.
type panicMatcher struct {
	Matcher
	query string
}

func (p panicMatcher) Match(ctx context.Context, query string, ids []string) ([]Match, error) {
	if query == p.query {
		var m map[string]int
		m[query]++
	}
	return p.Matcher.Match(ctx, query, ids)
}

// TestPanicFailsOnlyItsStory: a panic while composing one story's digest is
// that story's error; the other stories are posted.
func TestPanicFailsOnlyItsStory(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.track("g2", "Weather", "storm")
	f.add("wire", wire+"\n\nThe leak was the council's second this year.")
	f.add("gazette", "A storm is coming to the coast, forecasters said on Monday.")
	f.tick()
	r := f.runner(nil)
	r.Matcher = panicMatcher{Matcher: r.Matcher, query: "leak"}
	posted, err := r.Run(ctx, "", "")
	if err == nil || !strings.Contains(err.Error(), "assignment to entry in nil map") || !strings.Contains(err.Error(), "goroutine") {
		t.Errorf("got error %v, want the panic with its stack", err)
	}
	if posted.Digests != 1 || len(f.discord.posts()) != 1 || f.discord.posts()[0].Story != "Weather" {
		t.Errorf("got %+v posted, want Weather's digest posted despite Leak's panic", posted)
	}
}
