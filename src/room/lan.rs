//! The address to print for phones: where the room listens on every interface, the
//! machine's address on the local network.

use std::net::{IpAddr, Ipv4Addr};

/// The address a phone on the same network can reach a server bound to `bind` at: `bind`
/// itself when it is one address; for "every interface" (`0.0.0.0` or `::`), the machine's
/// local-network IPv4 address, else 127.0.0.1 (this machine only).
pub fn phone_address(bind: IpAddr) -> IpAddr {
    if !bind.is_unspecified() {
        return bind;
    }
    let candidates: Vec<Ipv4Addr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) => Some(v4),
            IpAddr::V6(_) => None,
        })
        .collect();
    best_lan_address(&candidates).map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V4)
}

/// The likeliest address of a home or office network among the machine's IPv4 addresses:
/// 192.168.x.x first (Wi-Fi routers), then 10.x.x.x, then 172.16–31.x.x (where container
/// bridges such as Docker's 172.17.0.1 also live), then any other that is not link-local.
fn best_lan_address(candidates: &[Ipv4Addr]) -> Option<Ipv4Addr> {
    let rank = |a: &Ipv4Addr| {
        let [first, second, ..] = a.octets();
        match (first, second) {
            (192, 168) => 0,
            (10, _) => 1,
            (172, 16..=31) => 2,
            _ if a.is_link_local() || a.is_loopback() || a.is_unspecified() => 9,
            _ => 3,
        }
    };
    candidates
        .iter()
        .filter(|a| rank(a) < 9)
        .min_by_key(|a| rank(a))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bound_address_is_printed_as_it_is() {
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(phone_address(local), local);
        let lan: IpAddr = "192.168.1.20".parse().unwrap();
        assert_eq!(phone_address(lan), lan);
    }

    #[test]
    fn a_wifi_address_wins_over_a_container_bridge() {
        let addrs: Vec<Ipv4Addr> = ["172.17.0.1", "169.254.3.4", "10.0.0.7", "192.168.1.20"]
            .iter()
            .map(|a| a.parse().unwrap())
            .collect();
        assert_eq!(
            best_lan_address(&addrs),
            Some(Ipv4Addr::new(192, 168, 1, 20))
        );
        assert_eq!(
            best_lan_address(&addrs[..3]),
            Some(Ipv4Addr::new(10, 0, 0, 7))
        );
        assert_eq!(best_lan_address(&addrs[1..2]), None, "link-local is no LAN");
    }

    #[test]
    fn every_interface_prints_a_reachable_address() {
        let shown = phone_address("0.0.0.0".parse().unwrap());
        assert!(!shown.is_unspecified(), "{shown}");
        assert!(shown.is_ipv4());
    }
}
