package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"storybot/answer"

	"storybot/evaluate"
)

// cmdEval runs the dev question sets of ../shared/eval over a corpus built
// in a temporary folder, and prints the table the README quotes.
func cmdEval(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	shared := fs.String("shared", "../shared", "the research data folder (corpus/bbc and eval/)")
	keep := fs.String("keep", "", "build the corpora in this folder and keep them for the next run (default: a temporary folder)")
	examples := fs.String("examples", "examples/corpus", "with --tune: the bundled example corpus, over which the founding example must keep its answer")
	tune := fs.Bool("tune", false, "fit the ranking weights on the tuning halves, then evaluate with them")
	boosts := fs.Bool("tune-boosts", false, "with --tune: fit the retrieval boosts first (slow: every try asks every question again)")
	weights := fs.String("weights", "", "rank with the weights in this file (the form of answer/weights.json) instead of the fitted ones; with --tune, start from them")
	write := fs.String("write", "", "with --tune: write the fitted weights to this file (answer/weights.json to adopt them)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage
	}
	if _, err := os.Stat(*shared); err != nil {
		return fmt.Errorf("no research data at %s (use --shared DIR): %w", *shared, err)
	}
	w := answer.DefaultWeights()
	if *weights != "" {
		b, err := os.ReadFile(*weights)
		if err != nil {
			return err
		}
		if w, err = answer.ParseWeights(b); err != nil {
			return err
		}
	}
	if *tune {
		var err error
		if w, err = tuneWeights(ctx, e, *shared, *examples, *keep, *boosts, w); err != nil {
			return err
		}
		if *write != "" {
			b, err := json.Marshal(w)
			if err != nil {
				return err
			}
			if err := os.WriteFile(*write, append(b, '\n'), 0o644); err != nil {
				return err
			}
		}
	}
	_, err := evaluate.Run(ctx, *shared, *keep, w, e.stdout)
	return err
}

// tuneWeights fits w (its boosts first, when boosts) over the dev sets'
// corpora and the founding example's, built under keep, and closes them
// before the evaluation that follows opens them again.
func tuneWeights(ctx context.Context, e *env, shared, examples, keep string, boosts bool, w answer.Weights) (answer.Weights, error) {
	parts, done, err := evaluate.Parts(ctx, shared, keep)
	if err != nil {
		return w, err
	}
	defer done()
	promises, donePromises, err := evaluate.Promises(ctx, shared, examples, keep)
	if err != nil {
		return w, err
	}
	defer donePromises()
	if boosts {
		if w, err = evaluate.TuneBoosts(ctx, parts, promises, w, e.stderr); err != nil {
			return w, err
		}
	}
	return evaluate.Tune(ctx, parts, promises, w, e.stderr)
}
