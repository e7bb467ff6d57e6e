package main

import (
	"context"
	"flag"
	"fmt"

	"storybot/metrics"
)

func cmdDigest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("digest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dry := fs.Bool("dry-run", false, "print the digests instead of posting them")
	name := fs.String("story", "", "only this story")
	guild := fs.String("guild", "", "only this guild's stories")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage
	}
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := syncStories(ctx, a); err != nil {
		return err
	}
	poster, err := newPoster(a)
	if err != nil {
		return err
	}
	s := newService(a, metrics.NewStorybot(), poster)
	if *dry {
		ds, err := s.digests.DryRun(ctx, *guild, *name)
		if err != nil {
			return err
		}
		return writeJSON(e.stdout, ds)
	}
	if poster == nil {
		return fmt.Errorf("posting needs DISCORD_TOKEN; use --dry-run to print the digests")
	}
	n, err := s.PostNow(ctx, *guild, *name)
	fmt.Fprintf(e.stdout, "digest: %s posted\n", plural(n, "digest", "digests"))
	return err
}
