//! The loader on arbitrary bytes, as `io::load` sees a file: UTF-8 first, then parsing and
//! validation. It must return a scenario or an error, never panic or overflow the stack.
//! A scenario it returns must survive a save and a reload unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = rolesplit::io::text_from_bytes(data.to_vec()) else {
        return;
    };
    let Ok(scenario) = rolesplit::parse::scenario_from_str(&text) else {
        return;
    };
    let saved = rolesplit::write::scenario_to_string(&scenario);
    match rolesplit::parse::scenario_from_str(&saved) {
        Ok(again) => assert_eq!(again, scenario, "a saved scenario reloads unchanged"),
        Err(e) => panic!("a saved scenario fails to reload: {e}\n{saved}"),
    }
});
