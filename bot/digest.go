package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"

	"storybot/store"
)

func (b *Bot) digestCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "digest",
			Description: "Post the digest of a tracked story now (all stories when none is given)",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "story", Description: "The story's name", Autocomplete: true, MaxLength: storyNameMax},
			},
		},
		admin:     true,
		ephemeral: func(*call) bool { return true },
		handle:    b.handleDigest,
		complete:  b.completeStory,
	}
}

func (b *Bot) handleDigest(ctx context.Context, c *call) error {
	names := []string{strings.TrimSpace(c.str("story"))}
	if names[0] == "" {
		stories, err := b.deps.Stories.Stories(ctx, c.guild)
		if err != nil {
			return fmt.Errorf("bot: digest: %w", err)
		}
		if len(stories) == 0 {
			return tellUser("No stories are tracked here; add one with /track add.")
		}
		names = names[:0]
		for _, st := range stories {
			names = append(names, st.Name)
		}
	}
	var lines []string
	for _, name := range names {
		lines = append(lines, b.digestOne(ctx, c.guild, name))
	}
	return c.edit(ctx, strings.Join(lines, "\n"))
}

// digestOne posts one story's digest and says how it went.
func (b *Bot) digestOne(ctx context.Context, guildID, name string) string {
	n, err := b.deps.Digests.PostNow(ctx, guildID, name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Sprintf("**%s**: no such story here.", message.EscapeLine(name))
	case err != nil:
		b.log.Error("digest now failed", "guild_id", guildID, "story", name, "error", err)
		return fmt.Sprintf("**%s**: posting failed; the error has been logged.", message.EscapeLine(name))
	case n == 0:
		return fmt.Sprintf("**%s**: nothing new since the last digest.", message.EscapeLine(name))
	}
	return fmt.Sprintf("**%s**: posted %d new %s.", message.EscapeLine(name), n, plural(n, "entry", "entries"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
