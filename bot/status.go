package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"
)

func (b *Bot) statusCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "status",
			Description: "Articles and passages indexed, ingest health per source, next scheduled runs",
		},
		handle: b.handleStatus,
	}
}

func (b *Bot) handleStatus(ctx context.Context, c *call) error {
	st, err := b.deps.Status.Status(ctx, c.guild)
	if err != nil {
		return fmt.Errorf("bot: status: %w", err)
	}
	return c.edit(ctx, "", statusEmbed(st, b.now()))
}

// statusEmbed renders the service's state; the newest failure is easy to
// spot because failing sources come with their error.
func statusEmbed(st Status, now time.Time) *discordgo.MessageEmbed {
	var d strings.Builder
	fmt.Fprintf(&d, "**%d** articles, **%d** passages indexed.\n", st.Articles, st.Passages)
	if len(st.Sources) > 0 {
		d.WriteString("\n**Sources**\n")
	}
	for _, s := range st.Sources {
		last := "never"
		if !s.LastSuccess.IsZero() {
			last = ago(now.Sub(s.LastSuccess)) + " ago"
		}
		fmt.Fprintf(&d, "• %s — last ingest %s", message.EscapeLine(s.Name), last)
		if s.LastError != "" {
			fmt.Fprintf(&d, " — ⚠ %d failures, last: %s", s.Failures, message.EscapeLine(message.Excerpt(redactURLs(s.LastError), nil, 150)))
		}
		d.WriteString("\n")
	}
	if len(st.NextRuns) > 0 {
		d.WriteString("\n**Next runs**\n")
	}
	for _, r := range st.NextRuns {
		fmt.Fprintf(&d, "• %s <t:%d:R>\n", message.EscapeLine(r.Job), r.At.Unix())
	}
	return &discordgo.MessageEmbed{Title: "storybot status", Description: d.String(), Color: embedColour, Timestamp: now.UTC().Format(time.RFC3339)}
}

// ago renders a duration coarsely: 45s, 12m, 3h, 2d.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}
