package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"
)

func (b *Bot) sourcesCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "sources",
			Description: "List, add or remove news sources",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "List the operator's sources and this server's"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "add", Description: "Add a feed or page for this server; it is fetched once to check it", Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "url", Description: "http(s) URL of a feed or page", Required: true, MaxLength: 2000},
					{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "A short name, e.g. bbc-politics", Required: true, MaxLength: 50},
					{Type: discordgo.ApplicationCommandOptionString, Name: "outlet", Description: "The outlet's name in citations, e.g. BBC News (default: the name its pages give)", MaxLength: 100},
				}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "remove", Description: "Remove a source this server added", Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "The source's name", Required: true, Autocomplete: true},
				}},
			},
		},
		admin:     true,
		ephemeral: func(*call) bool { return true },
		handle:    b.handleSources,
		complete:  b.completeSource,
	}
}

func (b *Bot) handleSources(ctx context.Context, c *call) error {
	switch c.sub {
	case "add":
		name, u := strings.TrimSpace(c.str("name")), strings.TrimSpace(c.str("url"))
		if err := b.deps.Sources.Add(ctx, c.guild, name, u, c.str("outlet"), c.user); err != nil {
			b.log.Info("source add refused", "source", name, "guild_id", c.guild, "error", err)
			return tellUser("Could not add %s: %s", message.EscapeLine(name), message.EscapeLine(err.Error()))
		}
		return c.edit(ctx, fmt.Sprintf("Added **%s** for this server; it will be ingested on schedule.", message.EscapeLine(name)))
	case "remove":
		name := strings.TrimSpace(c.str("name"))
		if err := b.deps.Sources.Remove(ctx, c.guild, name); err != nil {
			return tellUser("Could not remove %s: %s", message.EscapeLine(name), message.EscapeLine(err.Error()))
		}
		return c.edit(ctx, fmt.Sprintf("Removed **%s**.", message.EscapeLine(name)))
	}
	sources, err := b.deps.Sources.List(ctx, c.guild)
	if err != nil {
		return fmt.Errorf("bot: sources list: %w", err)
	}
	return c.edit(ctx, "", sourcesEmbed(sources))
}

// sourcesEmbed lists sources, one line each.
func sourcesEmbed(sources []SourceInfo) *discordgo.MessageEmbed {
	var d strings.Builder
	if len(sources) == 0 {
		d.WriteString("No sources yet; add one with /sources add.")
	}
	for _, s := range sources {
		fmt.Fprintf(&d, "**%s** (%s) %s", message.EscapeLine(s.Name), message.EscapeLine(s.Kind), message.EscapeLine(redactURLs(s.URL)))
		if s.Outlet != "" {
			fmt.Fprintf(&d, " as “%s”", message.EscapeLine(s.Outlet))
		}
		if isSnowflake(s.AddedBy) {
			fmt.Fprintf(&d, " · added by <@%s>", s.AddedBy)
		}
		d.WriteString("\n")
	}
	return &discordgo.MessageEmbed{Title: fmt.Sprintf("Sources (%d)", len(sources)), Description: d.String(), Color: embedColour}
}

// isSnowflake reports whether s looks like a Discord ID.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
