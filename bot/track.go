package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"

	"storybot/store"
)

// Limits on what /track accepts.
const (
	storyNameMax  = 50
	storyQueryMax = 200
)

func (b *Bot) trackCommand() *command {
	name := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "The story's name", Required: true, MaxLength: storyNameMax}
	named := *name
	named.Autocomplete = true
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "track",
			Description: "Track a story: its new articles are posted as digests",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "add", Description: "Track a new story", Options: []*discordgo.ApplicationCommandOption{
					name,
					{Type: discordgo.ApplicationCommandOptionString, Name: "query", Description: "What to look for, e.g. manchester arena leak", Required: true, MaxLength: storyQueryMax},
					{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Description: "Where digests go (default: this channel)",
						ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}},
				}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "remove", Description: "Stop tracking a story", Options: []*discordgo.ApplicationCommandOption{&named}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "List this server's tracked stories"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "suggest", Description: "Emerging stories of the last 48 hours that nothing tracked follows"},
			},
		},
		handle:   b.handleTrack,
		complete: b.completeStory,
		press:    b.pressTrack,
	}
}

func (b *Bot) handleTrack(ctx context.Context, c *call) error {
	switch c.sub {
	case "add":
		return b.trackAdd(ctx, c)
	case "remove":
		return b.trackRemove(ctx, c)
	case "suggest":
		return b.trackSuggest(ctx, c)
	default:
		return b.trackList(ctx, c)
	}
}

// checkManager refuses a member who may not add or remove stories.
func (b *Bot) checkManager(c *call) error {
	if isManager(c.i.Member, b.cfg.AdminRoleIDs) {
		return nil
	}
	b.log.Info("track change refused", "sub", c.sub, "guild_id", c.guild, "user_id", c.user)
	return tellUser("Only members who can manage channels (or server admins) can add or remove tracked stories; /track list shows them.")
}

func (b *Bot) trackAdd(ctx context.Context, c *call) error {
	channel := c.str("channel")
	if channel == "" {
		channel = c.i.ChannelID
	}
	return b.track(ctx, c, c.str("name"), c.str("query"), channel)
}

// track adds a story to the guild, if the member may and the bot can post
// in channel, and replies with what the archive already holds for it.
func (b *Bot) track(ctx context.Context, c *call, name, query, channel string) error {
	if err := b.checkManager(c); err != nil {
		return err
	}
	name, query = strings.TrimSpace(name), strings.Join(strings.Fields(query), " ")
	if err := checkStoryName(name); err != nil {
		return err
	}
	if query == "" || len([]rune(query)) > storyQueryMax {
		return tellUser("The query must be 1 to %d characters.", storyQueryMax)
	}
	b.trackMu.Lock() // the checks and the save below go together
	defer b.trackMu.Unlock()
	_, err := b.deps.Stories.Story(ctx, c.guild, name)
	switch {
	case err == nil:
		return tellUser("A story called %s is tracked already; remove it first to change it.", message.EscapeLine(name))
	case !errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("bot: track add: %w", err)
	}
	stories, err := b.deps.Stories.Stories(ctx, c.guild)
	if err != nil {
		return fmt.Errorf("bot: track add: %w", err)
	}
	if len(stories) >= b.cfg.MaxStories {
		return tellUser("This server tracks %d stories, the most it may; remove one first.", len(stories))
	}
	if err := b.checkDigestChannel(ctx, c, channel); err != nil {
		return err
	}
	st := store.Story{GuildID: c.guild, Name: name, Query: query, ChannelID: channel, CreatedBy: c.user, Created: b.now()}
	if err := b.deps.Stories.PutStory(ctx, st); err != nil {
		return fmt.Errorf("bot: track add: %w", err)
	}
	text := fmt.Sprintf("Tracking **%s** (query: %s); digests go to <#%s>.", message.EscapeLine(name), message.EscapeLine(query), channel)
	held, err := b.deps.Timeline.Timeline(ctx, c.guild, query, 0)
	if err != nil {
		// the story is tracked; only the preview is missing
		b.log.Warn("track add preview failed", "guild_id", c.guild, "story", name, "error", err)
		return c.edit(ctx, text)
	}
	return c.edit(ctx, text, previewEmbed(held, b.cfg.FirstDigestLookback))
}

// previewLength is how many of the newest matching headlines /track add
// shows.
const previewLength = 3

// previewEmbed says what the archive already holds for a new story: how
// many articles match, the newest headlines, and what the first digest
// will cover.
func previewEmbed(held []TimelineEntry, lookback time.Duration) *discordgo.MessageEmbed {
	var d strings.Builder
	for i, e := range held {
		if i == previewLength {
			break
		}
		d.WriteString(timelineLine(e))
	}
	if len(held) == 0 {
		d.WriteString("Nothing in the archive matches yet; new articles will appear in the digests.\n")
	}
	if lookback > 0 {
		fmt.Fprintf(&d, "\nThe first digest also covers articles stored in the %s before now.", span(lookback))
	}
	return &discordgo.MessageEmbed{
		Title:       fmt.Sprintf("Already in the archive: %d matching %s", len(held), plural(len(held), "article", "articles")),
		Description: d.String(),
		Color:       embedColour,
	}
}

// span renders a lookback as people say it: "24 hours", "3 days".
func span(d time.Duration) string {
	if d%(24*time.Hour) == 0 && d >= 48*time.Hour {
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	}
	if d%time.Hour == 0 {
		h := int(d / time.Hour)
		return fmt.Sprintf("%d %s", h, plural(h, "hour", "hours"))
	}
	return d.String()
}

// checkStoryName accepts 1 to storyNameMax printable characters.
func checkStoryName(name string) error {
	if name == "" || len([]rune(name)) > storyNameMax {
		return tellUser("A story name must be 1 to %d characters.", storyNameMax)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return tellUser("A story name can only have printable characters.")
		}
	}
	return nil
}

func (b *Bot) trackRemove(ctx context.Context, c *call) error {
	if err := b.checkManager(c); err != nil {
		return err
	}
	name := strings.TrimSpace(c.str("name"))
	err := b.deps.Stories.DeleteStory(ctx, c.guild, name)
	if errors.Is(err, store.ErrNotFound) {
		return tellUser("No story called %s is tracked here; /track list shows them.", message.EscapeLine(name))
	}
	if err != nil {
		return fmt.Errorf("bot: track remove: %w", err)
	}
	return c.edit(ctx, fmt.Sprintf("Stopped tracking **%s**.", message.EscapeLine(name)))
}

func (b *Bot) trackList(ctx context.Context, c *call) error {
	stories, err := b.deps.Stories.Stories(ctx, c.guild)
	if err != nil {
		return fmt.Errorf("bot: track list: %w", err)
	}
	if len(stories) == 0 {
		return c.edit(ctx, "No stories are tracked here yet. Try /track add name:leak query:manchester arena leak.")
	}
	return c.edit(ctx, "", storiesEmbed(stories))
}

// storiesEmbed lists tracked stories with their query, channel and last
// digest.
func storiesEmbed(stories []store.Story) *discordgo.MessageEmbed {
	var d strings.Builder
	for _, st := range stories {
		fmt.Fprintf(&d, "**%s** — %s", message.EscapeLine(st.Name), message.EscapeLine(st.Query))
		if st.ChannelID != "" {
			fmt.Fprintf(&d, " → <#%s>", st.ChannelID)
		}
		if !st.DigestedUntil.IsZero() {
			fmt.Fprintf(&d, " · digested until %s", st.DigestedUntil.UTC().Format("2006-01-02 15:04 MST"))
		}
		d.WriteString("\n")
	}
	return &discordgo.MessageEmbed{Title: fmt.Sprintf("Tracked stories (%d)", len(stories)), Description: d.String(), Color: embedColour}
}

// completeStory offers the guild's story names.
func (b *Bot) completeStory(ctx context.Context, c *call) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	_, typed := c.focused()
	stories, err := b.deps.Stories.Stories(ctx, c.guild)
	if err != nil {
		return nil, fmt.Errorf("bot: complete story: %w", err)
	}
	names := make([]string, 0, len(stories))
	for _, st := range stories {
		names = append(names, st.Name)
	}
	return choices(names, typed), nil
}
