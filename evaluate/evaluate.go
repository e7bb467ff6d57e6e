package evaluate

import (
	"context"
	"fmt"
	"strings"

	"storybot/answer"
)

// Asker answers a question; *answer.Service is one, Baseline another.
type Asker interface {
	Ask(ctx context.Context, r answer.Request) (answer.Answer, error)
}

// Outcome is one question asked and judged.
type Outcome struct {
	Case   Case
	Result Result
	Got    string // what came back, briefly
}

// Evaluate asks svc every case and judges the answers.
func Evaluate(ctx context.Context, svc Asker, cases []Case) ([]Outcome, error) {
	out := make([]Outcome, 0, len(cases))
	for _, c := range cases {
		a, err := svc.Ask(ctx, request(c))
		if err != nil {
			return nil, fmt.Errorf("evaluate: %s %s: %w", c.Set, c.ID, err)
		}
		out = append(out, Outcome{Case: c, Result: Judge(a, c), Got: brief(a)})
	}
	return out, nil
}

// brief says what an answer cited and whom it named, for a miss report.
func brief(a answer.Answer) string {
	var parts []string
	for _, c := range first(a.Citations) {
		parts = append(parts, fmt.Sprintf("[%d] %s", c.N, clip(c.Title, 50)))
	}
	var names []string
	for _, s := range a.Speakers {
		names = append(names, s.Name)
	}
	out := strings.Join(parts, " ")
	if len(names) > 0 {
		out += " | speakers: " + strings.Join(names, ", ")
	}
	return out
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
