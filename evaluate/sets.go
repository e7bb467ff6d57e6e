package evaluate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// WhoCase is one question of who-dev.jsonl.
type WhoCase struct {
	ID        string   `json:"id"`
	Question  string   `json:"question"`
	Article   string   `json:"article"` // BBC file without extension: "business/113"
	Speakers  []string `json:"speakers"`
	MustQuote string   `json:"must_quote"`
	Kind      string   `json:"kind"`
}

// QuizCase is one question of news-quiz-dev.jsonl.
type QuizCase struct {
	ID           string        `json:"id"`
	Question     string        `json:"question"`
	Answers      []string      `json:"answers"`
	GoldArticles []GoldArticle `json:"gold_articles"`
}

// readJSONL decodes one T per non-empty line of path.
func readJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("evaluate: %s line %d: %w", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return out, nil
}
