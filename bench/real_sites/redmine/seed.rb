# Seed the Redmine instance once (run by up.sh with `rails runner`, after Redmine's default data):
# the site's settings, two accounts and a public project with five issues. The password comes from
# EMPATHY_SITE_PASSWORD (up.sh passes its own or a random one); nothing else is secret.
password = ENV.fetch("EMPATHY_SITE_PASSWORD")
port = ENV.fetch("SITE_PORT")

Setting.app_title = "Riverside Volunteers"
Setting.welcome_text = "The tracker of the Riverside volunteers: report a problem in the community garden, " \
                       "ask for tools, or pick up a job that needs doing."
Setting.host_name = "127.0.0.1:#{port}"
Setting.protocol = "http"
Setting.mail_from = "tracker@riverside.example.test"
Setting.self_registration = "1"   # account activation by e-mail
Setting.lost_password = "1"
Setting.default_projects_public = "1"
Setting.gravatar_enabled = "0"

admin = User.find_by_login("admin")
admin.firstname = "Robin"
admin.lastname = "Hale"
admin.mail = "admin@example.org"
admin.password = password
admin.password_confirmation = password
admin.must_change_passwd = false
admin.save!

alex = User.new(firstname: "Alex", lastname: "Morgan", mail: "alex@example.test")
alex.login = "alex"
alex.password = password
alex.password_confirmation = password
alex.status = User::STATUS_ACTIVE
alex.save!

project = Project.new(name: "Riverside Community Garden", identifier: "garden", is_public: true,
                      description: "Jobs, repairs and requests for the community garden by the river.")
project.trackers = Tracker.all.to_a
project.enabled_module_names = %w[issue_tracking time_tracking news documents files wiki boards calendar gantt]
project.save!
Member.create!(principal: alex, project: project, roles: [Role.find_by!(name: "Developer")])

normal = IssuePriority.find_by!(name: "Normal")
high = IssuePriority.find_by!(name: "High")
issues = [
  ["Bug", "The water butt by the shed leaks at the tap", high, "Water pools round the shed's door after rain."],
  ["Feature", "A rota for watering in August", normal, "Most of us are away for two weeks in August."],
  ["Support", "Where are the keys to the tool store?", normal, "The key box by the gate is empty."],
  ["Bug", "Compost bay 2 has a broken slat", normal, "The third slat from the bottom has split."],
  ["Feature", "Raised bed for wheelchair users", high, "Near the path, about 70 cm high."],
]
issues.each do |tracker, subject, priority, description|
  Issue.create!(project: project, tracker: Tracker.find_by!(name: tracker), subject: subject,
                priority: priority, description: description, author: admin,
                status: IssueStatus.find_by!(name: "New"))
end
puts "seeded: #{User.count} users, #{Project.count} project, #{Issue.count} issues"
