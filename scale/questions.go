package scale

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"storybot/evaluate"
)

// Questions returns the real questions of the dev sets in shared, each
// once: who-dev, news-quiz-dev, who-web-dev, then the 2023 web quiz. Sets
// that are absent are left out; none at all is an error, and so is a set
// that cannot be read.
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
	sets := []struct {
		file string
		read func(string, func(string)) error
	}{
		{"who-dev.jsonl", setQuestions(func(c evaluate.WhoCase) string { return c.Question })},
		{"news-quiz-dev.jsonl", setQuestions(func(c evaluate.QuizCase) string { return c.Question })},
		{"who-web-dev.jsonl", setQuestions(func(c evaluate.WhoWebCase) string { return c.Question })},
		{"news-quiz-web-2023.jsonl.gz", setQuestions(func(c evaluate.WebQuizCase) string { return c.Question })},
	}
	for _, s := range sets {
		if err := s.read(filepath.Join(dir, s.file), add); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("scale: %w", err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("scale: no question sets in %s", dir)
	}
	return out, nil
}

// setQuestions reads a dev set of cases of type T and passes each case's
// question to add.
func setQuestions[T any](question func(T) string) func(string, func(string)) error {
	return func(path string, add func(string)) error {
		cs, err := evaluate.ReadJSONL[T](path)
		if err != nil {
			return err
		}
		for _, c := range cs {
			add(question(c))
		}
		return nil
	}
}
