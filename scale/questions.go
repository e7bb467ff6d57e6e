package scale

import (
	"fmt"
	"path/filepath"

	"storybot/evaluate"
)

// Questions returns the real questions of the dev sets in shared, each
// once: who-dev, news-quiz-dev, who-web-dev, then the 2023 web quiz. Sets
// that are absent are left out; none at all is an error.
func Questions(shared string) ([]string, error) {
	dir := filepath.Join(shared, "eval")
	var out []string
	seen := map[string]bool{}
	add := func(q string) {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	if who, err := evaluate.ReadJSONL[evaluate.WhoCase](filepath.Join(dir, "who-dev.jsonl")); err == nil {
		for _, c := range who {
			add(c.Question)
		}
	}
	if quiz, err := evaluate.ReadJSONL[evaluate.QuizCase](filepath.Join(dir, "news-quiz-dev.jsonl")); err == nil {
		for _, c := range quiz {
			add(c.Question)
		}
	}
	if who, err := evaluate.ReadJSONL[evaluate.WhoWebCase](filepath.Join(dir, "who-web-dev.jsonl")); err == nil {
		for _, c := range who {
			add(c.Question)
		}
	}
	if web, err := evaluate.ReadJSONL[evaluate.WebQuizCase](filepath.Join(dir, "news-quiz-web-2023.jsonl.gz")); err == nil {
		for _, c := range web {
			add(c.Question)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("scale: no question sets in %s", dir)
	}
	return out, nil
}
