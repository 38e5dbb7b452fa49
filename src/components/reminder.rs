//! Calendar reminders for the next check: a date and a button that downloads a `.ics` file
//! (the next round on the report, the next alignment cycle's review on the stability page), and
//! the plan's due dates from the report. The events are the domain's; this only asks for the
//! date and hands the file over.

use leptos::prelude::*;

use crate::app::{use_state, use_store, Opened, Store};
use crate::browser;
use crate::domain::{self, Reminder, Report};

/// The stable part of a reminder's `UID`: the library id of a saved assessment (so a reminder
/// downloaded again updates its event), a new id otherwise.
pub(crate) fn reminder_uid_base(store: Store) -> String {
    match store.open.opened.get_untracked() {
        Opened::Saved(id) | Opened::Newer(id) => id,
        _ => browser::new_id(),
    }
}

/// A date and a button that downloads the reminder the domain makes for it.
#[component]
pub fn ReminderPicker(
    /// The date field's id (unique on the page).
    id: &'static str,
    /// The field's label ("Remind me of round 3 on").
    #[prop(into)]
    label: Signal<String>,
    /// Which check it is for.
    reminder: Reminder,
) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let date = RwSignal::new(String::new());
    let hint_id = format!("{id}-hint");
    let download = move |_| {
        let today = browser::today_iso();
        let base = reminder_uid_base(store);
        let made = state.assessment.with_untracked(|a| {
            state.evaluation.with_untracked(|e| {
                let report = Report::new(a, e, &today);
                let event = reminder.event(&report, &base, &date.get_untracked(), &today);
                event.map(|event| {
                    let name = domain::reminder_file_name(&report.title, reminder.token(), &today);
                    (name, domain::ics_text(&[event], &browser::utc_stamp()))
                })
            })
        });
        match made {
            Ok((name, text)) => {
                store
                    .notices
                    .offer_file(state.framed, &name, domain::ICS_MIME, text)
            }
            Err(e) => store.notices.say(e.to_string()),
        }
    };
    view! {
        <div class="reminder no-print" data-reminder=reminder.token()>
            <label for=id>{move || label.get()}</label>
            <div class="reminder-row">
                <input id=id type="date" min=browser::today_iso() aria-describedby=hint_id.clone()
                    prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                <button type="button" class="secondary" on:click=download>{tr!("Download reminder (.ics)")}</button>
            </div>
            // What the download of a calendar file says under its control.
            <p class="muted reminder-hint" id=hint_id>{tr!("Open the downloaded file to add it to your calendar (Outlook, Google Calendar, Apple Calendar): an all-day event with an alert that morning (at 09:00 where your calendar keeps the file's alerts). Nothing is sent anywhere.")}</p>
        </div>
    }
}
