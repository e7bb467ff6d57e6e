package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"

	"storybot/answer"
)

func TestParseSince(t *testing.T) {
	now := time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"2024-05-01", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), false},
		{"3d", now.Add(-72 * time.Hour), false},
		{"12H", now.Add(-12 * time.Hour), false},
		{"2w", now.Add(-14 * 24 * time.Hour), false},
		{"yesterday", time.Time{}, true},
		{"5y", time.Time{}, true},
		{"-3d", time.Time{}, true},
		{"d", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSince(tt.in, now)
			if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
				t.Errorf("parseSince(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestAskEmbedWithinLimits(t *testing.T) {
	tests := []struct {
		name       string
		answer     answer.Answer
		wantFields int
	}{
		{"long answer", longAnswer(), 5},
		{"hostile answer", hostileAnswer(), 1},
		{"untitled file citation", answer.Answer{Answer: "x", Citations: []answer.Citation{{N: 1, URL: "file:///a.txt", Passage: "p"}}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, embeds := message.Fit("", []*discordgo.MessageEmbed{askEmbed(tt.answer)})
			checkLimits(t, "", embeds)
			if got := len(embeds[0].Fields); got != tt.wantFields {
				t.Errorf("%d citation fields, want %d", got, tt.wantFields)
			}
		})
	}
	if v := citationField(answer.Citation{N: 1, URL: "file:///a.txt", Passage: "p"}).Value; !strings.HasPrefix(v, "**(untitled)**") {
		t.Errorf("file citation %q, want an unlinked bold title", v)
	}
}

func TestNoMatch(t *testing.T) {
	tests := []struct {
		name string
		req  answer.Request
		a    answer.Answer
		want string
	}{
		{"hint", answer.Request{Question: "q"}, answer.Answer{Hint: "Try *Burnham*"}, `Try \*Burnham\*`},
		{"filters", answer.Request{Question: "q", Source: "bbc"}, answer.Answer{}, "drop the source and since filters"},
		{"question escaped", answer.Request{Question: "@everyone"}, answer.Answer{}, "@" + zwsp + "everyone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := noMatch(tt.req, tt.a); !strings.Contains(got, tt.want) {
				t.Errorf("noMatch = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestStatusEmbed(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	st := Status{Articles: 10, Passages: 50,
		Sources:  []SourceStatus{{Name: "bbc", LastSuccess: now.Add(-3 * time.Hour)}, {Name: "bad", LastError: "http 500 @everyone", Failures: 2}},
		NextRuns: []NextRun{{Job: "ingest", At: now.Add(time.Minute)}}}
	d := statusEmbed(st, now).Description
	for _, want := range []string{"**10** articles, **50** passages", "bbc — last ingest 3h ago", "bad — last ingest never — ⚠ 2 failures", "@" + zwsp + "everyone", fmt.Sprintf("<t:%d:R>", now.Add(time.Minute).Unix())} {
		if !strings.Contains(d, want) {
			t.Errorf("status %q lacks %q", d, want)
		}
	}
}

func TestNewChecksConfig(t *testing.T) {
	deps := newTestDeps(t).Deps
	tests := []struct {
		name string
		cfg  Config
		deps Deps
		ok   bool
	}{
		{"gateway", Config{Token: "t"}, deps, true},
		{"no token", Config{}, deps, false},
		{"bad mode", Config{Token: "t", Mode: "carrier-pigeon"}, deps, false},
		{"http without key", Config{Token: "t", Mode: ModeHTTP}, deps, false},
		{"http with short key", Config{Token: "t", Mode: ModeHTTP, PublicKey: "abcd"}, deps, false},
		{"bad api base", Config{Token: "t", APIBaseURL: "gopher://x"}, deps, false},
		{"missing dependency", Config{Token: "t"}, Deps{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg, tt.deps, (&logBuffer{}).logger())
			if (err == nil) != tt.ok {
				t.Errorf("New error %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestPreviewEmbed(t *testing.T) {
	var many []TimelineEntry
	for i := range 5 {
		many = append(many, TimelineEntry{Title: fmt.Sprintf("Headline %d", i), Source: "Outlet"})
	}
	for _, tc := range []struct {
		name     string
		held     []TimelineEntry
		lookback time.Duration
		title    string
		has      []string
		hasNot   []string
	}{
		{"three newest of five", many, 72 * time.Hour, "Already in the archive: 5 matching articles",
			[]string{"Headline 0", "Headline 2", "stored in the 3 days before now"}, []string{"Headline 3"}},
		{"nothing yet", nil, time.Hour, "Already in the archive: 0 matching articles",
			[]string{"Nothing in the archive matches yet", "the 1 hour before now"}, nil},
		{"no lookback", many[:1], 0, "Already in the archive: 1 matching article", []string{"Headline 0"}, []string{"first digest"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := previewEmbed(tc.held, tc.lookback)
			if e.Title != tc.title {
				t.Errorf("title %q, want %q", e.Title, tc.title)
			}
			for _, s := range tc.has {
				if !strings.Contains(e.Description, s) {
					t.Errorf("description %q lacks %q", e.Description, s)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(e.Description, s) {
					t.Errorf("description %q has %q", e.Description, s)
				}
			}
		})
	}
}

func TestAskEmbedExcerptRoom(t *testing.T) {
	words := strings.Repeat("The council said the plan would cost more than expected and take longer. ", 30)
	cite := func(n int, title, url string) answer.Citation {
		return answer.Citation{N: n, Title: title, Source: "bbc", URL: url, Published: "2024-05-01", Passage: words, Highlights: []string{"council", "plan"}}
	}
	short := answer.Answer{Answer: "The council's plan [1]."}
	long := answer.Answer{Answer: "The council's plan [1]. " + strings.Repeat("More detail. ", 500)}
	for i := 1; i <= 5; i++ {
		c := cite(i, fmt.Sprintf("Council plan %d", i), fmt.Sprintf("https://news.example/plan-%d", i))
		short.Citations = append(short.Citations, c)
		long.Citations = append(long.Citations, c)
	}
	longTitle := answer.Answer{Answer: "x [1]", Citations: []answer.Citation{cite(1, strings.Repeat("Long title ", 40), "https://news.example/"+strings.Repeat("p", 300))}}
	tests := []struct {
		name           string
		a              answer.Answer
		fields         int
		minLen, maxLen int // of each excerpt, markup aside
	}{
		{"a short answer leaves five long excerpts", short, 5, excerptMax - 50, excerptMax},
		{"the longest answer leaves five shorter ones", long, 5, excerptMin - 50, excerptMax - 100},
		{"many speakers and bold words keep five", longAnswer(), 5, excerptMin - 50, excerptMax},
		{"a long title and link leave the excerpt what the field holds", longTitle, 1, 50, excerptMax - 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := askEmbed(tt.a)
			_, fit := message.Fit("", []*discordgo.MessageEmbed{e})
			checkLimits(t, "", fit)
			if len(fit[0].Fields) != tt.fields {
				t.Fatalf("%d citation fields after Fit, want %d", len(fit[0].Fields), tt.fields)
			}
			for i, f := range fit[0].Fields {
				if f.Value != e.Fields[i].Value {
					t.Errorf("field %d cut by Fit: %d characters", i+1, message.TextLen(e.Fields[i].Value))
				}
				_, ex, _ := strings.Cut(f.Value, "\n")
				n := len([]rune(strings.NewReplacer("**", "", "\\", "").Replace(ex)))
				if n < tt.minLen || n > tt.maxLen {
					t.Errorf("field %d excerpt %d characters, want %d to %d", i+1, n, tt.minLen, tt.maxLen)
				}
			}
		})
	}
}
