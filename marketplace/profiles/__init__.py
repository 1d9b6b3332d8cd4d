"""Worker profiles (求职者档案): key-group tags, certificates, work experience, identity checks."""
