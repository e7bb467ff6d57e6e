package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"

	"storybot/store"
)

// timelineLength is how many articles /story shows.
const timelineLength = 15

func (b *Bot) storyCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "story",
			Description: "Show a tracked story's timeline, newest first",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "The story's name", Required: true, Autocomplete: true, MaxLength: storyNameMax},
			},
		},
		handle:   b.handleStory,
		complete: b.completeStory,
	}
}

func (b *Bot) handleStory(ctx context.Context, c *call) error {
	name := strings.TrimSpace(c.str("name"))
	st, err := b.deps.Stories.Story(ctx, c.guild, name)
	if errors.Is(err, store.ErrNotFound) {
		return tellUser("No story called %s is tracked here; /track list shows them.", message.EscapeLine(name))
	}
	if err != nil {
		return fmt.Errorf("bot: story: %w", err)
	}
	entries, err := b.deps.Timeline.Timeline(ctx, c.guild, st.Query, timelineLength)
	if err != nil {
		return fmt.Errorf("bot: story %s: %w", name, err)
	}
	r := reply{embeds: []*discordgo.MessageEmbed{timelineEmbed(st, entries)}}
	if len(entries) > 0 {
		png, err := b.deps.Charts.CoveragePNG(ctx, c.guild, "Coverage: "+st.Name, st.Query)
		if err != nil {
			// the timeline is worth sending without its picture
			b.log.Warn("story chart failed", "guild_id", c.guild, "story", st.Name, "error", err)
		} else {
			r.files = []*discordgo.File{{Name: storyPNG, ContentType: "image/png", Reader: bytes.NewReader(png)}}
			r.embeds[0].Image = &discordgo.MessageEmbedImage{URL: "attachment://" + storyPNG}
		}
	}
	return c.editWith(ctx, r)
}

// storyPNG is the name of /story's coverage picture.
const storyPNG = "coverage.png"

// timelineLine is one article of a timeline: date, linked title, outlet.
func timelineLine(e TimelineEntry) string {
	date := "undated"
	if !e.Published.IsZero() {
		date = e.Published.UTC().Format("2006-01-02")
	}
	title := message.EscapeLine(e.Title)
	if title == "" {
		title = "(untitled)"
	}
	if link := message.PageLink(e.URL); link != "" {
		title = "[" + title + "](" + link + ")"
	}
	return fmt.Sprintf("`%s` %s — %s\n", date, title, message.EscapeLine(e.Source))
}

// timelineEmbed lists a story's articles, newest first, with outlet and
// date.
func timelineEmbed(st store.Story, entries []TimelineEntry) *discordgo.MessageEmbed {
	var d strings.Builder
	if len(entries) == 0 {
		d.WriteString("No articles match this story's query yet.")
	}
	for _, e := range entries {
		d.WriteString(timelineLine(e))
	}
	return &discordgo.MessageEmbed{
		Title:       "Timeline: " + message.EscapeLine(st.Name),
		Description: d.String(),
		Color:       embedColour,
		Footer:      &discordgo.MessageEmbedFooter{Text: "query: " + st.Query},
	}
}
