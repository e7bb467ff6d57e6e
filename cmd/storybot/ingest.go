package main

import (
	"context"
	"flag"
	"fmt"

	"storybot/ingest"
)

func cmdIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	name := fs.String("source", "", "source name for the given paths or URLs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	sources := ingest.FromConfig(a.cfg.Sources)
	if fs.NArg() > 0 {
		if sources, err = ingest.FromArgs(fs.Args(), *name); err != nil {
			return err
		}
	}
	if len(sources) == 0 {
		return fmt.Errorf("no sources: add some to %s or name paths or URLs", e.configPath)
	}
	b := newBar(e.stderr, "ingest")
	s := a.ingester(false).Run(ctx, sources, b)
	b.Finish()
	for _, err := range s.Errors {
		a.log.Warn("ingest failed", "error", err)
	}
	fmt.Fprintf(e.stdout, "ingest: %s\n", s)
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: %w", ctx.Err())
	}
	return nil
}
