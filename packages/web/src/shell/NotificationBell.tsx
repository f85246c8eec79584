import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';

/** Placeholder until the notification centre lands: links to the notifications page. */
export function NotificationBell() {
  return (
    <Link to="/notifications" data-testid="bell">
      <BellOutlined style={{ fontSize: 18 }} />
    </Link>
  );
}
