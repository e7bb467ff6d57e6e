package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"storybot/evaluate"
)

// cmdEval runs the dev question sets of ../shared/eval over a corpus built
// in a temporary folder, and prints the table the README quotes.
func cmdEval(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	shared := fs.String("shared", "../shared", "the research data folder (corpus/bbc and eval/)")
	keep := fs.String("keep", "", "build the corpora in this folder and keep them for the next run (default: a temporary folder)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage
	}
	if _, err := os.Stat(*shared); err != nil {
		return fmt.Errorf("no research data at %s (use --shared DIR): %w", *shared, err)
	}
	_, err := evaluate.Run(ctx, *shared, *keep, e.stdout)
	return err
}
