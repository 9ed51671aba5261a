//! A bare Leptos CSR page: the baseline `scripts/bench` compares the calculator's
//! transfer size with. Built with the workspace's release profile and the same Trunk
//! settings and post-processing as the app; keep it minimal.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <button data-testid="counter" on:click=move |_| *set_count.write() += 1>
            "Count: " {count}
        </button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
