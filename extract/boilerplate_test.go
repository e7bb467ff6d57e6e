package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		// Lines from the seed article that must go.
		{"Font Size:", true},
		{"REUTERS/Francois Lenoir", true},
		{"Daily Caller News Foundation logo", true},
		{"Saagar Enjeti White House Correspondent", true},
		{"Correspondent", false}, // one word matching bylineRole once panicked (issue 10)
		{"Follow Saagar Enjeti on Twitter", true},
		{"Send tips to", true},
		{"Send tips to someone@example.com.", true},
		{"Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher that can provide a large audience.", true},
		// Generic furniture.
		{"Advertisement", true},
		{"ADVERTISEMENT", true},
		{"Read more", true},
		{"Read more: Councils brace for winter floods", true},
		{"Sign up for our newsletter", true},
		{"Sign up for the Morning Briefing newsletter and get the news first.", true},
		{"Share this article", true},
		{"Share on Facebook", true},
		{"© 2024 Example Media Ltd. All rights reserved.", true},
		{"Copyright 2019 The Associated Press.", true},
		{"Image copyright Getty Images", true},
		{"Image caption The bridge reopened on Monday", true},
		{"Getty Images", true},
		{"Chip Somodevilla/Getty Images", true},
		{"Photo: AP", true},
		{"(AP Photo/Evan Vucci)", true},
		{"Crowds gather outside the court on Tuesday. (Photo by Jane Doe/Getty Images)", true},
		{"By Jane Doe", true},
		{"PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", true},
		{"Reporting by Jane Doe; Editing by John Roe", true},
		{"Associated Press writers Jane Doe and John Roe contributed to this report.", true},
		{"DON'T MISS", true},
		{"Join the conversation...", true},
		{"https://example.com/news/story-123.html", true},
		{"", true},
		// Article sentences that merely mention the same words stay.
		{"Senior Fellow Shashank Joshi noted on Twitter Wednesday that the report amounted to a damage assessment.", false},
		{"The campaign asked supporters to follow the candidate on Twitter and send tips to local reporters, a spokesman said.", false},
		{"Police said they had received hundreds of tips since the appeal was published.", false},
		{"By the end of the year, the company expects to have hired 500 people.", false},
		{"Reuters reported on Monday that the talks had stalled.", false},
		{"The photo, taken by a passer-by, was shared thousands of times.", false},
		{"Read the full report, she urged lawmakers, before voting on it.", false},
		{"Subscribers will see the price rise from March.", false},
		{"The White House correspondent asked about the leak.", false},
		{"It was published on Monday.", false},
		{"Getty Images, the photo agency, was sold last year for more than $3bn.", false},
		// One word that ends like a byline role once panicked on words[:2].
		{"Editor", false},
		{"Staff", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := IsBoilerplate(tt.line); got != tt.want {
				t.Errorf("IsBoilerplate(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{
			name: "whitespace and empties",
			in:   []string{"  One  sentence\n here. ", "", " \t ", "Two\u00a0words here today."},
			want: []string{"One sentence here.", "Two words here today."},
		},
		{
			name: "byline label at the top",
			in:   []string{"Jane Doe Science Editor", "Rain fell across the valley on Sunday.", "Follow Jane Doe on Twitter"},
			want: []string{"Rain fell across the valley on Sunday."},
		},
		{
			name: "short title-case line lower down is kept",
			in:   []string{"Rain fell on Sunday.", "More rain is forecast.", "It was wet.", "What Happens Next"},
			want: []string{"Rain fell on Sunday.", "More rain is forecast.", "It was wet.", "What Happens Next"},
		},
		{
			name: "repeated paragraph",
			in:   []string{"The same line twice.", "The same line twice."},
			want: []string{"The same line twice."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Clean() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCleanSeed runs Clean over the seed article's lines: the furniture at
// its top and bottom goes, every paragraph of prose stays.
func TestCleanSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "seed", "manchester-leak-dailycaller.txt"))
	if err != nil {
		t.Skipf("../shared not found: seed article: %v", err)
	}
	lines := strings.Split(string(b), "\n")
	got := Clean(lines[1:]) // the first line is the headline
	joined := strings.Join(got, "\n")
	for _, bad := range []string{"Font Size", "REUTERS/", "News Foundation logo", "White House Correspondent",
		"on Twitter\n", "Send tips", "available without charge"} {
		if strings.Contains(joined+"\n", bad) {
			t.Errorf("Clean(seed) kept %q", bad)
		}
	}
	prose := 0
	for _, l := range lines {
		if len(strings.Fields(l)) > 20 && !strings.Contains(l, "without charge") {
			prose++
			if !slices.Contains(got, normalizeSpace(l)) {
				t.Errorf("Clean(seed) dropped prose %q", l)
			}
		}
	}
	if prose < 5 {
		t.Errorf("seed has %d prose lines, want at least 5", prose)
	}
}

// TestNormalizeSpace checks the fast path against collapsing every time.
func TestNormalizeSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u200bb", "a \u200b b",
		"\ufeffa", "é b", "a\nb", "a \xff b", "\xff", "a\u2028b", "a\u3000b", "“a” – b.", "a \x85 b", "a\u0085b"} {
		want := strings.Join(strings.FieldsFunc(s, isSpace), " ")
		if got := normalizeSpace(s); got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
