//! An empty eframe window built with rolesplit's own eframe features: the baseline for
//! rolesplit's start-up time and idle memory (README, "Proven at scale and under bad
//! input"). With `ROLESPLIT_REPORT_FIRST_FRAME=1` it prints `first frame after N ms` to
//! stderr once, as rolesplit does.
//!
//! `cargo run --release --example empty_window`

fn main() -> eframe::Result<()> {
    let launched = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("empty window")
            .with_app_id("rolesplit-empty-window")
            .with_inner_size([1440.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "rolesplit-empty-window",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(EmptyWindow {
                launched: Some(launched),
            }))
        }),
    )
}

struct EmptyWindow {
    /// When the process started; taken at the first frame.
    launched: Option<std::time::Instant>,
}

impl eframe::App for EmptyWindow {
    fn ui(&mut self, _ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(launched) = self.launched.take()
            && std::env::var_os("ROLESPLIT_REPORT_FIRST_FRAME").is_some_and(|v| v == "1")
        {
            eprintln!("first frame after {} ms", launched.elapsed().as_millis());
        }
    }
}
