package evaluate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"storybot/answer"
)

// The founding example is a promise, not a dev question: asked who reacted
// to the Manchester leak, over the seed article and over the bundled
// example corpus, storybot names these four, each quoted and cited. Tune
// refuses weights that break it, as the tests would.
const FoundingQuestion = "who reacted to the Manchester leak"

// FoundingSpeakers are the voices the founding answer must name.
var FoundingSpeakers = []string{"Theresa May", "Amber Rudd", "National Police Chiefs' Council", "Donald Trump"}

// Missing returns those of want that a does not name with words of theirs
// and a citation.
func Missing(a answer.Answer, want []string) []string {
	var out []string
	for _, w := range want {
		found := false
		for _, s := range a.Speakers {
			if speakerMatches(s.Name, w) && strings.TrimSpace(s.Quote) != "" && s.Citation >= 1 && s.Citation <= len(a.Citations) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}

// Promise is the founding question over one corpus.
type Promise struct {
	Name   string
	Corpus *Corpus
}

// Promises builds, under dir (a temporary folder when ""), the corpora the
// founding example is asked over: the seed article of sharedDir and the
// bundled example folder.
func Promises(ctx context.Context, sharedDir, examplesDir, dir string) ([]Promise, func(), error) {
	dir, cleanup, err := workDir(dir, "storybot-founding-")
	if err != nil {
		return nil, nil, err
	}
	var out []Promise
	done := func() {
		for _, p := range out {
			p.Corpus.Close()
		}
		cleanup()
	}
	for _, f := range []struct{ name, folder string }{
		{"seed", filepath.Join(sharedDir, "seed")},
		{"examples", examplesDir},
	} {
		if _, err := os.Stat(f.folder); err != nil {
			done()
			return nil, nil, fmt.Errorf("evaluate: founding example: %w", err)
		}
		c, err := Open(ctx, filepath.Join(dir, "founding-"+f.name))
		if err != nil {
			done()
			return nil, nil, err
		}
		out = append(out, Promise{f.name, c})
		if err := c.AddFolder(ctx, f.folder, f.name); err != nil {
			done()
			return nil, nil, err
		}
	}
	return out, done, nil
}

// kept is a promise prepared once, to be answered with many weightings.
type kept struct {
	name string
	p    *answer.Prepared
}

func preparePromises(ctx context.Context, ps []Promise, w answer.Weights) ([]kept, error) {
	var out []kept
	for _, pr := range ps {
		p, err := answer.NewWith(pr.Corpus.Index, w).Prepare(ctx, answer.Request{Question: FoundingQuestion})
		if err != nil {
			return nil, fmt.Errorf("evaluate: founding example over %s: %w", pr.Name, err)
		}
		out = append(out, kept{pr.Name, p})
	}
	return out, nil
}

// broken says which promise w breaks and how, or "" when it keeps them all.
func broken(ks []kept, w *answer.Weights) string {
	for _, k := range ks {
		if m := Missing(k.p.Answer(w), FoundingSpeakers); len(m) > 0 {
			return fmt.Sprintf("over %s, %s not named", k.name, strings.Join(m, ", "))
		}
	}
	return ""
}
