package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"
)

// call is one invocation of a command: who, where, and the options given.
type call struct {
	b     *Bot
	i     *discordgo.Interaction
	name  string // command name
	sub   string // subcommand name, if any
	guild string
	user  string
	opts  map[string]*discordgo.ApplicationCommandInteractionDataOption
	// button is a pressed button's action and payload, from its custom ID
	// "command:action:payload".
	button struct{ action, payload string }
	// channelPerms are the member's permissions in each channel given as
	// an option, as Discord resolved them.
	channelPerms map[string]int64
}

func newCall(b *Bot, i *discordgo.Interaction) *call {
	c := &call{b: b, i: i, guild: i.GuildID, opts: map[string]*discordgo.ApplicationCommandInteractionDataOption{}}
	switch {
	case i.Member != nil && i.Member.User != nil:
		c.user = i.Member.User.ID
	case i.User != nil:
		c.user = i.User.ID
	}
	if data, ok := i.Data.(discordgo.MessageComponentInteractionData); ok {
		parts := strings.SplitN(data.CustomID, ":", 3)
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		c.name, c.button.action, c.button.payload = parts[0], parts[1], parts[2]
		return c
	}
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return c
	}
	c.name = data.Name
	opts := data.Options
	if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		c.sub = opts[0].Name
		opts = opts[0].Options
	}
	for _, o := range opts {
		c.opts[o.Name] = o
	}
	return c
}

// customID is the custom ID of a button that command's press handles.
func customID(command, action, payload string) string {
	return command + ":" + action + ":" + payload
}

// maxCustomID is the longest custom ID Discord accepts.
const maxCustomID = 100

// str returns a string option, or "".
func (c *call) str(name string) string {
	if o, ok := c.opts[name]; ok {
		if s, ok := o.Value.(string); ok {
			return s
		}
	}
	return ""
}

// flag returns a boolean option, or false.
func (c *call) flag(name string) bool {
	if o, ok := c.opts[name]; ok {
		if v, ok := o.Value.(bool); ok {
			return v
		}
	}
	return false
}

// focused returns the option being autocompleted and what has been typed.
func (c *call) focused() (name, typed string) {
	for _, o := range c.opts {
		if o.Focused {
			s, _ := o.Value.(string)
			return o.Name, s
		}
	}
	return "", ""
}

// edit replaces the acknowledged reply, within Discord's limits and with no
// mentions allowed.
func (c *call) edit(ctx context.Context, content string, embeds ...*discordgo.MessageEmbed) error {
	return c.editWith(ctx, reply{content: content, embeds: embeds})
}

// reply is what an edit sets: text, embeds, attachments (which an embed
// shows as attachment://NAME) and buttons.
type reply struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	files      []*discordgo.File
	components []discordgo.MessageComponent
}

// editWith replaces the acknowledged reply with r, uploading its files.
func (c *call) editWith(ctx context.Context, r reply) error {
	content, embeds := message.Fit(r.content, r.embeds)
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := r.components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	_, err := c.b.session.InteractionResponseEdit(c.i, &discordgo.WebhookEdit{
		Content: &content, Embeds: &embeds, Components: &components, Files: r.files, AllowedMentions: message.NoMentions(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: edit reply to /%s: %w", c.name, err)
	}
	return nil
}
