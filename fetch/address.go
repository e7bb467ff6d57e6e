package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// cgnat is the carrier-grade NAT range, which netip does not call private.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// publicAddr reports whether ip is an ordinary public unicast address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid(), ip.IsLoopback(), ip.IsPrivate(), ip.IsUnspecified(),
		ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(),
		ip.IsInterfaceLocalMulticast(), ip.IsMulticast(), cgnat.Contains(ip):
		return false
	}
	return true
}

// guardDial is a net.Dialer Control hook. It runs after DNS resolution on
// the exact address being connected to, so neither DNS rebinding nor a
// redirect to an internal host can slip past it.
func guardDial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if !publicAddr(ap.Addr()) {
		return fmt.Errorf("dial %s: %w", address, ErrBlockedAddress)
	}
	return nil
}

// dialer returns the dialer the transport uses.
func dialer(allowPrivate bool) *net.Dialer {
	d := &net.Dialer{}
	if !allowPrivate {
		d.Control = guardDial
	}
	return d
}
