-- When the citizen was reminded of the appointment: the earliest reminder (reminder-48h or reminder-2h) that
-- notification-service reported sent or delivered for the booking (notification.events). Null: never reminded.
-- No-shows and check-ins are counted as reminded or not from it (relais_appointments_*{reminded}).
ALTER TABLE booking ADD COLUMN reminded_at TIMESTAMPTZ;
