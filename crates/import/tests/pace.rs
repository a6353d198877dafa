//! A reading paced: where it stops, and the progress it gives there (what the page shows and
//! where it hands the thread back), against a generated FEC.

use std::future::Future;

use relance_import::files::{self, File};
use relance_import::pace::{at_once, Pace, Progress, Stage};
use relance_import::sample;

/// Every stop, in order.
#[derive(Default)]
struct Stops(Vec<Progress>);

impl Pace for Stops {
    fn pause(&mut self, progress: Progress) -> impl Future<Output = ()> {
        self.0.push(progress);
        std::future::ready(())
    }
}

fn file(name: &str, text: &str) -> File {
    File {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn a_reading_stops_every_two_thousand_lines_and_every_hundred_customers() {
    // 250 customers of 10 invoices and a payment: 8 001 lines, 2 750 of them on 411.
    let small = sample::fec(3, 1);
    let big = sample::fec(250, 10);
    let files = [file("a.txt", &small), file("b.txt", &big)];
    let total = small.len() + big.len();
    let mut stops = Stops::default();
    let read = at_once(files::read_paced(&files, 30, &mut stops));
    assert_eq!(read.dossiers.len(), 253, "{:?}", read.said);
    // The same as read at once.
    assert_eq!(read.dossiers, files::read(&files, 30).dossiers);

    let reading: Vec<usize> = stops
        .0
        .iter()
        .filter(|p| p.stage == Stage::Reading)
        .inspect(|p| assert_eq!(p.total, total))
        .map(|p| p.done)
        .collect();
    let at = small.len();
    // The second file's lines 2 000 to 8 000 (its header is line 1) end where its bytes say,
    // after the first file's; each second pass of an FEC (a stop per 2 000 lines on 411) says
    // the file is read.
    let end_of_line = |n: usize| {
        let upto: usize = big.lines().take(n).map(|l| l.len() + 1).sum();
        at + upto - 1
    };
    assert_eq!(
        reading,
        vec![
            // The first file: before it, after its decoding, its second pass once.
            0,
            0,
            at,
            // The second: before it, after its decoding, its lines, its second pass twice.
            at,
            at,
            end_of_line(2000),
            end_of_line(4000),
            end_of_line(6000),
            end_of_line(8000),
            total,
            total,
        ]
    );
    assert_eq!(big.as_bytes().get(end_of_line(2000) - at), Some(&b'\n'));

    let sorting: Vec<(usize, usize)> = stops
        .0
        .iter()
        .filter(|p| p.stage == Stage::Sorting)
        .map(|p| (p.done, p.total))
        .collect();
    assert_eq!(sorting, vec![(0, 3), (0, 250), (100, 250), (200, 250)]);
}
