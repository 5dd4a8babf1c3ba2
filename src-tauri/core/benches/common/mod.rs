//! What every bench binary of this crate shares: run a closure repeatedly and print its median
//! and p95, one line per figure, so the figures of different benches read alike.

use std::time::{Duration, Instant};

pub fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    let p95 = times[(runs * 95 / 100).min(runs - 1)];
    println!("{name:<56} median {:>9.3} ms   p95 {:>9.3} ms   ({runs} runs)", ms(median), ms(p95));
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
